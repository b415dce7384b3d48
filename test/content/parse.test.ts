import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, parseLesson } from '../../src/content/index.js';
import { fixturesDir, lessonText, sampleText } from './helpers.js';

function parseError(text: string, file = 'lesson.md'): ContentError {
  try {
    parseLesson(text, file);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

const fixture = (name: string) => readFileSync(path.join(fixturesDir, name), 'utf8');

describe('parseLesson edge cases', () => {
  it('gives identical results for CRLF line ends and a BOM', () => {
    const plain = parseLesson(sampleText, 'a.md');
    const windows = parseLesson(`\uFEFF${sampleText.replace(/\n/g, '\r\n')}`, 'a.md');
    expect(windows).toEqual(plain);
  });

  it('reports an empty file clearly', () => {
    for (const text of ['', '\uFEFF', ' \r\n\n ']) {
      const error = parseError(text, 'empty.md');
      expect(String(error)).toBe(
        'empty.md:1: 레슨 파일이 비어 있어요. front matter와 `# 5.2 제목` 같은 제목으로 시작해 주세요.',
      );
      expect(error.file).toBe('empty.md');
      expect(error.line).toBe(1);
    }
  });

  it('nests <details> inside <details> and keeps every sentence', () => {
    const lesson = parseLesson(fixture('edge/nested-details.md'), 'nested.md');
    expect(lesson.meta.createdAt).toBe('2025-09-01');
    const blocks = lesson.steps[0]!.blocks;
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'details', 'details']);
    const outer = blocks[1]!;
    if (outer.kind !== 'details') throw new Error('expected details');
    expect(outer.summary).toBe('바깥 요약');
    expect(outer.blocks).toMatchObject([
      { kind: 'paragraph', text: '바깥 본문입니다.' },
      {
        kind: 'details',
        summary: '**안쪽 요약**',
        label: '안쪽 요약',
        blocks: [{ kind: 'paragraph', text: '안쪽 본문입니다.' }],
      },
      { kind: 'paragraph', text: '바깥 마무리 문장입니다.' },
    ]);
    expect(blocks[2]).toMatchObject({ kind: 'details', summary: '', label: '' });
    if (blocks[2]!.kind !== 'details') throw new Error('expected details');
    expect(blocks[2]!.blocks).toMatchObject([{ kind: 'paragraph', text: '요약 없는 펼치기 본문입니다.' }]);
  });

  it('reports an unclosed <details> with its line', () => {
    const error = parseError(fixture('malformed/01-unclosed-details.md'), 'unclosed.md');
    expect(error.line).toBe(11);
    expect(String(error)).toBe(
      'unclosed.md:11: `<details>`가 닫히지 않았어요. 끝에 `</details>`를 추가해 주세요.',
    );
  });

  it('reports a </details> without an opening tag', () => {
    const error = parseError(lessonText('# 9.1 레슨\n\n## 섹션\n\n본문\n\n</details>\n'));
    expect(error.problems.map((entry) => [entry.line, entry.key])).toEqual([
      [13, 'content.error.strayDetailsClose'],
    ]);
  });

  it('lists every quiz and front matter problem at once, each with its line', () => {
    const error = parseError(fixture('malformed/02-bad-quiz.md'), 'quiz.md');
    expect(error.problems.map((entry) => `${entry.line} ${entry.key}`)).toEqual([
      '5 content.error.frontMatterField',
      '16 content.error.quizMissingAnswer',
      '29 content.error.quizAnswerNotOption',
    ]);
    expect(String(error).split('\n')).toEqual([
      'quiz.md:5: front matter의 `updateMode`: `upsert`, `insert` 중 하나로 적어 주세요.',
      'quiz.md:16: 문제 1에 정답이 없어요. `**정답: B**`를 적어 주세요.',
      'quiz.md:29: 문제 2의 정답 E가 보기(A, B)에 없어요.',
    ]);
  });

  it('rejects a question with fewer than two options and duplicate question numbers', () => {
    const text = lessonText(
      '# 9.1 레슨\n\n## 섹션\n\n본문\n\n## 퀴즈\n\n**문제 1:** 보기가 하나?\n\nA. 하나\n\n**정답: A**\n\n**문제 1:** 또 1번?\n\nA. 가\nB. 나\n\n**정답: B**\n',
    );
    const error = parseError(text);
    expect(error.problems.map((entry) => entry.key)).toEqual([
      'content.error.quizTooFewOptions',
      'content.error.quizDuplicateNumber',
    ]);
  });

  it('takes the lesson number from the heading, or from the front matter title', () => {
    expect(parseLesson(lessonText('# 3.4 제목\n\n## 섹션\n\n본문\n', '제목'), 'x.md')).toMatchObject({
      id: '3.4',
      title: '제목',
    });
    expect(parseLesson(lessonText('# 제목만\n\n## 섹션\n\n본문\n', '3.5 제목만'), 'x.md')).toMatchObject({
      id: '3.5',
      title: '제목만',
    });
    expect(parseError(lessonText('# 제목\n\n## 섹션\n\n본문\n', '제목')).problems[0]).toMatchObject({
      line: 7,
      key: 'content.error.noLessonNumber',
    });
    expect(parseError(lessonText('# 3.4 제목\n\n## 섹션\n\n본문\n', '3.5 제목')).problems[0]).toMatchObject({
      key: 'content.error.lessonNumberMismatch',
    });
    expect(
      parseError(lessonText(`# ${'1.'.repeat(20)}1 제목\n\n## 섹션\n\n본문\n`, '제목')).problems[0],
    ).toMatchObject({
      key: 'content.error.lessonIdTooLong',
    });
  });

  it('requires front matter and reports a bad field on its own line', () => {
    expect(
      parseError('# 1.1 제목\n\n## 섹션\n\n본문\n').problems.map((entry) => [entry.line, entry.key]),
    ).toEqual([[1, 'content.error.frontMatterMissing']]);
    const error = parseError(
      "---\ntitle: '1.1 제목'\nauthorNick: ''\ncreatedAt: '2025-01-01'\n---\n\n## 섹션\n\n본문\n",
    );
    expect(error.problems.map((entry) => [entry.line, entry.params.field])).toEqual([[3, 'authorNick']]);
  });

  it('builds a lesson without a quiz; blocks before the first Step go to that step', () => {
    const lesson = parseLesson(fixture('edge/no-quiz.md'), 'no-quiz.md');
    expect(lesson.meta.updateMode).toBe('insert');
    expect(lesson.quiz).toEqual([]);
    expect(lesson.quizTitle).toBeNull();
    expect(lesson.steps.map((step) => step.id)).toEqual(['준비', 'step-1', 'step-2']);
    expect(lesson.steps[0]!.blocks).toMatchObject([
      { kind: 'list', items: ['첫째 항목', '둘째 항목\n  - 중첩 항목'] },
    ]);
    expect(lesson.steps[1]!.blocks).toMatchObject([
      { kind: 'paragraph', text: '섹션 앞 문단은 첫 단계에 붙습니다.' },
      { kind: 'quote', blocks: [{ kind: 'paragraph', text: '인용된 *강조* 문장입니다.' }] },
    ]);
    expect(lesson.steps[2]!.blocks).toMatchObject([
      { kind: 'rule' },
      { kind: 'paragraph', text: '마지막 문단입니다.' },
    ]);
  });

  it('makes section ids unique and reports a repeated Step number', () => {
    const lesson = parseLesson(
      lessonText('# 9.1 레슨\n\n## 📝 메모\n\n하나\n\n## 메모!\n\n둘\n\n## 🎉\n\n셋\n'),
      'x.md',
    );
    expect(lesson.steps.map((step) => step.id)).toEqual(['메모', '메모-2', 'section-3']);
    const error = parseError(
      lessonText('# 9.1 레슨\n\n## 실습\n\n### Step 1: 가\n\n본문\n\n### Step 1: 나\n\n본문\n'),
    );
    expect(error.problems.map((entry) => [entry.line, entry.key])).toEqual([
      [15, 'content.error.duplicateStep'],
    ]);
  });

  it('reports a lesson without any section', () => {
    expect(parseError(lessonText('# 9.1 레슨\n\n본문뿐\n')).problems.map((entry) => entry.key)).toEqual([
      'content.error.noSteps',
    ]);
  });

  it('maps inline HTML to emphasis and keeps text after a lone <br/>', () => {
    const lesson = parseLesson(
      lessonText(
        '# 9.1 레슨\n\n## 섹션\n\n<br/>\n<strong>굵게</strong> 그리고 <em>기울임</em><br/>다음 줄 <b>b</b>\n',
      ),
      'x.md',
    );
    expect(lesson.steps[0]!.blocks).toEqual([
      { kind: 'paragraph', text: '**굵게** 그리고 *기울임*\n다음 줄 **b**', line: 12 },
    ]);
  });

  it('reads <details> written on one line or without blank lines, Markdown inside included', () => {
    const lesson = parseLesson(
      lessonText(
        '# 9.1 레슨\n\n## 섹션\n\n<details><summary>한 줄</summary>한 줄 본문 `code`</details>\n\n<details>\n<summary>붙은 것</summary>\n- 항목 **하나**\n- 항목 둘\n</details>\n',
      ),
      'x.md',
    );
    expect(lesson.steps[0]!.blocks).toMatchObject([
      { kind: 'details', summary: '한 줄', blocks: [{ kind: 'paragraph', text: '한 줄 본문 `code`' }] },
      {
        kind: 'details',
        summary: '붙은 것',
        blocks: [{ kind: 'list', items: ['항목 **하나**', '항목 둘'] }],
      },
    ]);
  });

  it('reads quiz variants: options as a list, options in the prompt paragraph, the answer outside <details>', () => {
    const lesson = parseLesson(
      lessonText(
        [
          '# 9.1 레슨',
          '## 섹션',
          '본문',
          '## 퀴즈',
          '먼저 읽어 두세요.',
          '**문제 1:** 목록 보기는?',
          '- A) 가\n- B) 나',
          '**정답: b** 나가 맞아요.',
          '**문제 2:** 같은 문단 보기는?\nA. 다\nB. 라\nC. 마',
          '```bash\ndocker ps\n```',
          '<details>\n<summary>정답</summary>\n\n**정답: C**\n\n해설입니다.\n\n</details>',
        ].join('\n\n'),
      ),
      'x.md',
    );
    expect(lesson.quizIntro).toMatchObject([{ kind: 'paragraph', text: '먼저 읽어 두세요.' }]);
    expect(lesson.quiz).toMatchObject([
      {
        number: 1,
        prompt: '목록 보기는?',
        options: [
          { key: 'A', text: '가' },
          { key: 'B', text: '나' },
        ],
        answer: 'B',
        explanation: [{ kind: 'paragraph', text: '나가 맞아요.' }],
      },
      {
        number: 2,
        prompt: '같은 문단 보기는?',
        options: [{ key: 'A' }, { key: 'B' }, { key: 'C', text: '마' }],
        context: [{ kind: 'code', code: 'docker ps' }],
        answer: 'C',
        explanation: [{ kind: 'paragraph', text: '해설입니다.' }],
      },
    ]);
  });
});
