import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import {
  ContentError,
  type ContentProblem,
  LESSON_LIMITS,
  lessonFromBytes,
  parseLesson,
} from '../../src/content/index.js';
import { countMarks } from '../../src/content/parse/inline-marks.js';
import { parseBlocks } from '../../src/content/parse/markdown.js';
import { tLoose } from '../../src/i18n/index.js';
import { lessonText, sampleText } from './helpers.js';

/** The problems a lesson's bytes give; fails the test if it loads or throws anything else. */
function problemsOf(input: string | Uint8Array, file = 'lesson.md'): ContentProblem[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  try {
    lessonFromBytes(bytes, file);
  } catch (error) {
    if (error instanceof ContentError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the lesson to be refused');
}

/** The one problem with `key`; its English text is checked to exist too. */
function problemWith(problems: readonly ContentProblem[], key: string): ContentProblem {
  const found = problems.filter((entry) => entry.key === key);
  expect(found, `${key} in ${problems.map((entry) => entry.key).join(', ')}`).toHaveLength(1);
  const entry = found[0]!;
  expect(tLoose('en', entry)).not.toMatch(/\{\w+\}/);
  expect(entry.message).not.toMatch(/\{\w+\}/);
  return entry;
}

/** A lesson whose first step holds `body`, the step starting on line 9. */
const lesson = (body: string) => lessonText(`# 9.1 한계\n\n## 단계\n\n${body}\n`);
const BODY_LINE = 11;

function inlineUnitCounts(text: string) {
  const units: ReturnType<typeof countMarks>[] = [];
  const walk = (node: Nodes) => {
    if (['paragraph', 'heading', 'tableRow', 'html'].includes(node.type)) {
      units.push(countMarks(text.slice(node.position!.start.offset, node.position!.end.offset)));
    } else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(parseBlocks(text));
  return units;
}

describe('lesson limits', () => {
  it('leave the sample lesson far inside every one of them', () => {
    const lines = sampleText.split('\n');
    expect(Buffer.byteLength(sampleText) * 20).toBeLessThan(LESSON_LIMITS.fileBytes);
    expect(lines.length * 5).toBeLessThan(LESSON_LIMITS.lines);
    expect(Math.max(...lines.map((line) => line.length)) * 10).toBeLessThan(LESSON_LIMITS.lineLength);
    expect((sampleText.match(/\|/g) ?? []).length * 50).toBeLessThan(LESSON_LIMITS.tablePipes);
    const units = inlineUnitCounts(sampleText);
    const most = (kind: keyof (typeof units)[number]) => Math.max(...units.map((unit) => unit[kind]));
    expect(most('emphasis') * 4).toBeLessThanOrEqual(LESSON_LIMITS.emphasisMarks);
    expect(most('link') * 4).toBeLessThanOrEqual(LESSON_LIMITS.linkMarks);
    expect(most('code') * 4).toBeLessThanOrEqual(LESSON_LIMITS.codeMarks);
    expect(most('html') * 4).toBeLessThanOrEqual(LESSON_LIMITS.htmlMarks);
    const markup = units.reduce(
      (sum, unit) => sum + unit.emphasis + unit.link + unit.code + unit.html + unit.other,
      0,
    );
    expect(markup * 20).toBeLessThan(LESSON_LIMITS.markup);
    expect(lessonFromBytes(Buffer.from(sampleText), 'sample.md').steps).toHaveLength(7);
  });

  it('refuse a file over the size limit at the line where it passes it, without decoding the rest', () => {
    const line = `${'가'.repeat(600)}\n\n`;
    const text = lesson(line.repeat(Math.ceil((LESSON_LIMITS.fileBytes + 10_000) / Buffer.byteLength(line))));
    const problem = problemWith(problemsOf(text), 'content.error.fileTooLarge');
    const withinLimit = Buffer.from(text).subarray(0, LESSON_LIMITS.fileBytes).toString('latin1');
    expect(problem.line).toBe(withinLimit.split('\n').length);
    expect(problem.line).toBeGreaterThan(BODY_LINE);
    expect(problem.message).toContain(`${LESSON_LIMITS.fileBytes / 1024}KB까지`);
  });

  it('refuse bytes that are not UTF-8 at their line (a lesson saved as CP949)', () => {
    const before = Buffer.from(lesson('첫 문단이에요.\n\n'), 'utf8');
    const badLine = before.toString('utf8').split('\n').length;
    const cp949 = Buffer.from([0xb0, 0xa1, 0xb3, 0xaa, 0x0a]); // "가나" in CP949
    const problem = problemWith(problemsOf(Buffer.concat([before, cp949])), 'content.error.notUtf8');
    expect(problem.line).toBe(badLine);
    expect(problem.message).toContain('UTF-8');
    for (const bad of [
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe0, 0x80],
    ]) {
      const bytes = Buffer.concat([before, Buffer.from(bad)]);
      expect(problemWith(problemsOf(bytes), 'content.error.notUtf8').line).toBe(badLine);
    }
  });

  it('refuse too many lines and report the first line past the limit', () => {
    const problem = problemWith(
      problemsOf(lesson('줄\n'.repeat(LESSON_LIMITS.lines))),
      'content.error.tooManyLines',
    );
    expect(problem.line).toBe(LESSON_LIMITS.lines + 1);
    expect(problem.message).toContain('2,000줄까지');
  });

  it('refuse long lines at the first of them, with how many there are', () => {
    const long = 'ㄱ'.repeat(LESSON_LIMITS.lineLength + 1);
    const problem = problemWith(
      problemsOf(lesson(`짧은 줄\n${long}\n\n${long}\n`)),
      'content.error.lineTooLong',
    );
    expect(problem.line).toBe(BODY_LINE + 1);
    expect(problem.params).toMatchObject({ actual: '2,001', max: '2,000', count: '2' });
  });

  it('refuse quotes, lists and indentation nested past the limit, however they are written', () => {
    const tooDeep = LESSON_LIMITS.nestingDepth + 1;
    const cases = [
      '>'.repeat(tooDeep),
      '> '.repeat(tooDeep),
      '- '.repeat(tooDeep),
      '1. '.repeat(tooDeep),
      '> - '.repeat(Math.ceil(tooDeep / 2)),
      `${' '.repeat(2 * tooDeep)}- 항목`,
    ];
    for (const prefix of cases) {
      const problem = problemWith(
        problemsOf(lesson(`문단\n\n${prefix} 깊은 줄`)),
        'content.error.nestedTooDeep',
      );
      expect(problem.line).toBe(BODY_LINE + 2);
    }
    const fine = '> '.repeat(LESSON_LIMITS.nestingDepth - 1);
    expect(lessonFromBytes(Buffer.from(lesson(`${fine}인용`)), 'ok.md').steps).toHaveLength(1);
  });

  it('answer the deep nesting that crashed the parser with a content error, not a stack overflow', () => {
    for (const text of [
      lesson(`${'>'.repeat(2_000)} 인용`),
      lesson(`${'- '.repeat(1_500)}항목`),
      lesson(Array.from({ length: 300 }, (_, level) => `${'  '.repeat(level)}- 항목`).join('\n')),
    ]) {
      expect(problemsOf(text).map((entry) => entry.key)).toContain('content.error.nestedTooDeep');
    }
  });

  it('refuse more list and quote markers than the limit at the line that passes it', () => {
    const items = '- 항목\n'.repeat(LESSON_LIMITS.containerMarkers + 1);
    const problem = problemWith(problemsOf(lesson(items)), 'content.error.tooManyContainerMarkers');
    expect(problem.line).toBe(BODY_LINE + LESSON_LIMITS.containerMarkers);
  });

  it('refuse more table pipes than the limit', () => {
    const rows = '| 가 | 나 |\n'.repeat(Math.ceil(LESSON_LIMITS.tablePipes / 3) + 1);
    const problem = problemWith(
      problemsOf(lesson(`| 가 | 나 |\n| --- | --- |\n${rows}`)),
      'content.error.tooManyTablePipes',
    );
    expect(problem.line).toBeGreaterThan(BODY_LINE);
  });

  it('refuse a front matter without its closing line once it runs long', () => {
    const text = `---\ntitle: '9.1 제목'\n${'note: 길게 이어지는 값이에요\n'.repeat(300)}\n# 9.1 제목\n\n## 단계\n\n본문\n`;
    const problem = problemWith(problemsOf(text), 'content.error.frontMatterTooLong');
    expect(problem.line).toBe(1);
  });

  it('refuse a front matter YAML alias bomb as a YAML problem', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const text = `---\ntitle: '9.1 제목'\n${bomb}\n---\n\n# 9.1 제목\n\n## 단계\n\n본문\n`;
    expect(problemWith(problemsOf(text), 'content.error.frontMatterYaml').line).toBe(2);
  });

  it('refuse each kind of inline mark past its limit in one paragraph, at the paragraph', () => {
    const cases: [string, string][] = [
      ['content.error.emphasisMarks', `${'*_'.repeat(LESSON_LIMITS.emphasisMarks)}`],
      ['content.error.emphasisMarks', `${'~a '.repeat(LESSON_LIMITS.emphasisMarks + 1)}`],
      ['content.error.linkMarks', `${']'.repeat(LESSON_LIMITS.linkMarks + 1)}`],
      ['content.error.codeMarks', `${'a`'.repeat(LESSON_LIMITS.codeMarks + 1)}`],
      ['content.error.htmlMarks', `${'<a '.repeat(LESSON_LIMITS.htmlMarks + 1)}`],
    ];
    for (const [key, paragraph] of cases) {
      const problem = problemWith(problemsOf(lesson(`첫 문단\n\n${paragraph}\n\n끝`)), key);
      expect(problem.line).toBe(BODY_LINE + 2);
    }
  });

  it('count underscores inside words and marks inside code blocks as nothing', () => {
    const words = Array.from(
      { length: 200 },
      (_, index) => `image_gallery_${index}${index % 40 === 39 ? '\n' : ' '}`,
    ).join('');
    const code = `\`\`\`\n${'*_[`<\n'.repeat(500)}\`\`\``;
    expect(lessonFromBytes(Buffer.from(lesson(`${words}\n\n${code}`)), 'ok.md').steps).toHaveLength(1);
  });

  it('refuse more inline markup in the file than the limit, at the block that passes it', () => {
    const paragraph = `${'**굵게** '.repeat(8)}\n\n`;
    const count = Math.ceil(LESSON_LIMITS.markup / 32) + 1;
    const problem = problemWith(problemsOf(lesson(paragraph.repeat(count))), 'content.error.tooMuchMarkup');
    expect(problem.line).toBe(BODY_LINE + 2 * Math.floor(LESSON_LIMITS.markup / 32));
  });

  it('answer a 1 MB line of *_ (which took minutes) with a content error', () => {
    const problems = problemsOf(lesson('*_'.repeat(500_000)));
    expect(problems.map((entry) => entry.key)).toContain('content.error.fileTooLarge');
  });

  it('refuse <details> nested past the limit once, at the first one too deep, and keep the others apart', () => {
    const depth = LESSON_LIMITS.detailsDepth + 2;
    const open = Array.from(
      { length: depth },
      (_, level) => `<details>\n<summary>${level + 1}</summary>\n\n본문\n`,
    );
    const text = lesson(`${open.join('\n')}\n${'</details>\n\n'.repeat(depth)}`);
    const problems = problemsOf(text);
    const problem = problemWith(problems, 'content.error.detailsTooDeep');
    expect(problem.line).toBe(BODY_LINE + 5 * LESSON_LIMITS.detailsDepth);
    // The closings of the ignored openings are not reported as strays.
    expect(problems.map((entry) => entry.key)).not.toContain('content.error.strayDetailsClose');
    const many = lesson(`${'<details>\n\n'.repeat(400)}본문\n\n${'</details>\n\n'.repeat(400)}`);
    expect(problemsOf(many).map((entry) => entry.key)).toEqual(['content.error.detailsTooDeep']);
  });
});

describe('unclosed code fences', () => {
  const withoutLastFence = (text: string, opening: string) => {
    const start = text.indexOf(opening);
    const close = text.indexOf('\n```', start + opening.length);
    return text.slice(0, close) + text.slice(close + 4);
  };

  it('are found when a deleted closing fence makes the next opening line part of the code', () => {
    // Deleting the fence after `docker login` pairs every later fence with the wrong partner:
    // the fence after "Login Succeeded" now opens a block that holds the next "```bash" line.
    const broken = withoutLastFence(sampleText, '```bash\ndocker login');
    const lineOf = (needle: string, from = 0) =>
      broken.slice(0, broken.indexOf(needle, from)).split('\n').length;
    const output = broken.indexOf('Login Succeeded');
    const problem = problemWith(problemsOf(broken), 'content.error.fenceInsideCode');
    expect(problem.line).toBe(lineOf('```', output));
    expect(problem.params).toMatchObject({
      line: lineOf('```bash', output),
      opening: '```bash',
      fence: '```',
    });
    expect(problem.message).toContain('닫는 `` ``` `` 줄이 빠지지 않았는지');
  });

  it('are refused at the opening fence when the last closing fence of a file is deleted', () => {
    const lastClose = sampleText.lastIndexOf('\n```\n');
    const broken = sampleText.slice(0, lastClose) + sampleText.slice(lastClose + 4);
    const opening = broken.lastIndexOf('```', lastClose);
    const problem = problemWith(problemsOf(broken), 'content.error.unclosedFence');
    expect(problem.line).toBe(broken.slice(0, opening).split('\n').length);
  });

  it('are found at the end of the file, in lists, in quotes, in <details> and with tildes', () => {
    const cases: [string, number][] = [
      ['```bash\necho 하나\n', BODY_LINE],
      ['본문\n\n~~~~\n코드\n~~~\n', BODY_LINE + 2],
      ['1. 단계\n\n   ```sh\n   docker ps\n\n다음 문단', BODY_LINE + 2],
      ['> ```\n> 코드\n\n문단', BODY_LINE],
      ['<details>\n<summary>보기</summary>\n```bash\ndocker ps\n</details>', BODY_LINE + 2],
      ['```\n    ```\n', BODY_LINE],
    ];
    for (const [body, line] of cases) {
      expect(problemWith(problemsOf(lesson(body)), 'content.error.unclosedFence').line).toBe(line);
    }
  });

  it('are told apart from closed ones, whatever the last code line looks like', () => {
    for (const body of [
      '```\necho ```\n```',
      '````\n```\n````',
      '- ```\n  코드\n  ```',
      '> ```\n> 코드\n> ```',
      '```\n```',
      '~~~\n```\n~~~',
      '````markdown\n```bash\necho 안쪽\n```\n````',
    ]) {
      expect(lessonFromBytes(Buffer.from(lesson(body)), 'ok.md').steps).toHaveLength(1);
    }
  });
});

describe('parseLesson', () => {
  it('turns a parser crash into a content error at the line it was reading', () => {
    // A lesson file cannot crash the parser any more; a stubbed section title can.
    const text = lesson('본문');
    const original = String.prototype.normalize;
    String.prototype.normalize = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    let error: unknown;
    try {
      parseLesson(text, 'crash.md');
    } catch (thrown) {
      error = thrown;
    } finally {
      String.prototype.normalize = original;
    }
    expect(error).toBeInstanceOf(ContentError);
    const problem = (error as ContentError).problems[0]!;
    expect(problem).toMatchObject({ file: 'crash.md', line: 9, key: 'content.error.parseFailed' });
    expect(problem.message).toContain('RangeError: Maximum call stack size exceeded');
  });
});
