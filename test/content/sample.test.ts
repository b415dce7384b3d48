import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { paginateLesson, parseLesson } from '../../src/content/index.js';
import { parseMarkdown } from '../../src/content/parse/markdown.js';
import { checkPayloadLimits, payloadToText, renderAll, renderQuizScore } from '../../src/ui/index.js';
import { en, ko, LONG_OWNER, sampleText } from './helpers.js';

const lesson = parseLesson(sampleText, '05-02-push-image-to-docker-hub.md');

describe('the sample lesson 5.2', () => {
  it('keeps the front matter, with createdAt as the string the author wrote', () => {
    expect(lesson.id).toBe('5.2');
    expect(lesson.title).toBe('도커 허브에 직접 빌드한 이미지 푸시하기');
    expect(lesson.meta).toEqual({
      title: '도커 허브에 직접 빌드한 이미지 푸시하기',
      authorNick: '관리자',
      createdAt: '2025-08-27',
      updateMode: 'upsert',
    });
    expect(lesson.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has seven steps with stable ids and titles, in order', () => {
    expect(lesson.steps.map((step) => [step.id, step.title])).toEqual([
      ['사전-준비', '📋 사전 준비'],
      ['step-1', 'Step 1: 환경 변수 설정'],
      ['step-2', 'Step 2: 도커 허브에 로그인'],
      ['step-3', 'Step 3: 이미지에 올바른 참조 부여하기'],
      ['step-4', 'Step 4: 도커 허브에 푸시'],
      ['step-5', 'Step 5: 도커 허브에서 확인'],
      ['핵심-개념과-주요-명령어-정리', '🏷️ 핵심 개념과 주요 명령어 정리'],
    ]);
    expect(lesson.steps.map((step) => step.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(lesson.steps[1]!.section).toBe('🚀 실습: 이미지 푸시하기');
  });

  it('opens with the intro and keeps the html-swallowed sentence', () => {
    expect(lesson.intro).toEqual([
      {
        kind: 'paragraph',
        text: '4장에서 만든 `image-gallery` 이미지를 도커 허브에 올려서 다른 사람들과 공유해보겠습니다.',
        line: 10,
      },
    ]);
    const step4 = lesson.steps.find((step) => step.id === 'step-4')!;
    expect(step4.blocks).toContainEqual({
      kind: 'paragraph',
      text: '도커는 이미지를 **레이어 단위**로 푸시합니다',
      line: 135,
    });
  });

  it('turns <details> into an expandable element with its summary and body', () => {
    const step3 = lesson.steps.find((step) => step.id === 'step-3')!;
    const details = step3.blocks.at(-1)!;
    expect(details).toMatchObject({
      kind: 'details',
      id: 'details-1',
      summary: '**👆 왜 같은 IMAGE ID를 가질까요?**',
      label: '👆 왜 같은 IMAGE ID를 가질까요?',
      line: 86,
    });
    if (details.kind !== 'details') throw new Error('expected details');
    expect(details.blocks.map((block) => block.kind)).toEqual(['paragraph', 'list', 'code', 'paragraph']);
    expect(details.blocks[0]).toMatchObject({
      text: '두 이미지는 **실제로는 같은 이미지**이지만, 서로 다른 이름(참조)을 가지고 있습니다.',
    });
  });

  it('has a quiz of two questions with 4 and 3 options, both answered B', () => {
    expect(lesson.quizTitle).toBe('🎮 연습 문제');
    expect(lesson.quiz).toHaveLength(2);
    const [first, second] = lesson.quiz;
    expect(first).toMatchObject({
      id: 'q1',
      number: 1,
      prompt: '도커 허브에 이미지를 푸시하려면 이미지 참조에 반드시 포함되어야 하는 것은?',
      answer: 'B',
    });
    expect(first!.options).toEqual([
      { key: 'A', text: '레지스트리 주소 (docker.io)' },
      { key: 'B', text: '본인의 계정명' },
      { key: 'C', text: 'latest 태그' },
      { key: 'D', text: '버전 번호' },
    ]);
    expect(first!.explanation.map((block) => (block.kind === 'paragraph' ? block.text : block.kind))).toEqual(
      ['도커 허브에 푸시하려면 `계정명/이미지명:태그` 형식이 필수입니다.\n예: `yangwonjun/myapp:v1`'],
    );
    expect(second).toMatchObject({
      id: 'q2',
      number: 2,
      answer: 'B',
      prompt: 'IMAGE ID가 같은 두 개의 이미지가 있을 때, 디스크 공간은?',
    });
    expect(second!.options.map((option) => option.key)).toEqual(['A', 'B', 'C']);
    expect(second!.explanation).toEqual([
      {
        kind: 'paragraph',
        text: 'IMAGE ID가 같으면 같은 이미지입니다. 태그는 단순히 이름(별명)일 뿐이므로 추가 공간을 차지하지 않습니다.',
        line: 215,
      },
    ]);
  });

  it('renders every page, reveal, question, answer and score within Discord limits (both locales)', () => {
    for (const t of [ko, en]) {
      const items = renderAll(lesson, t, LONG_OWNER);
      expect(items.filter((item) => item.kind === 'page')).toHaveLength(paginateLesson(lesson).length);
      expect(items.filter((item) => item.kind === 'reveal')).toHaveLength(1);
      expect(items.filter((item) => item.kind === 'answer')).toHaveLength(7);
      for (const item of items)
        expect(checkPayloadLimits(item.payload), JSON.stringify(item.where)).toEqual([]);
    }
  });

  it('shows every word, command and table cell of the lesson somewhere a learner can read it', () => {
    const payloads = [
      ...renderAll(lesson, ko, LONG_OWNER).map((item) => item.payload),
      renderQuizScore({ lesson, correctCount: 1, ownerId: LONG_OWNER, t: ko }),
    ];
    const rendered = payloads
      .map((payload) => payloadToText(payload).text)
      .join('\n')
      .replace(/[*`\\]/g, '');
    const missing = sourceWords().filter((word) => !rendered.includes(word.replace(/[*`\\]/g, '')));
    expect(missing).toEqual([]);
  });
});

/** Quiz syntax that the quiz renders as buttons and verdicts instead of text. */
const QUIZ_SYNTAX = new Set(['문제', '1:', '2:', '정답:', '정답', '보기', 'B']);

/** Every word of the lesson body as the author wrote it (front matter and HTML tags left out). */
function sourceWords(): string[] {
  const words: string[] = [];
  let inQuiz = false;
  const add = (value: string) => {
    for (const word of value.split(/\s+/))
      if (word.length > 0 && !(inQuiz && QUIZ_SYNTAX.has(word))) words.push(word);
  };
  const walk = (node: Nodes) => {
    if (node.type === 'heading' && node.depth === 2) {
      inQuiz = node.children.some((child) => child.type === 'text' && child.value.includes('연습 문제'));
    }
    if (node.type === 'yaml') return;
    if (node.type === 'html') add(node.value.replace(/<[^>]+>/g, ' '));
    else if (
      (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') &&
      'value' in node
    ) {
      add(node.value);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(parseMarkdown(sampleText));
  expect(words.length).toBeGreaterThan(300);
  return words;
}
