/**
 * Lesson files built to be as expensive as the limits of src/content/parse/bounds.ts allow: each
 * stays just inside every limit (size, lines, line length, nesting, markers, marks per paragraph)
 * and repeats one costly shape as often as it can. The bench parses them all and reports the
 * slowest (content.worstAcceptedParseMs); the property test starts mutations from them.
 */
import { LESSON_LIMITS } from '../../../src/content/parse/bounds.js';
import { countMarks } from '../../../src/content/parse/inline-marks.js';

export interface AdversarialLesson {
  name: string;
  text: string;
}

const FRONT_MATTER =
  "---\ntitle: '9.9 한계 시험'\nauthorNick: '시험'\ncreatedAt: '2025-01-01'\n---\n\n# 9.9 한계 시험\n\n";
/** Room left for the frame (front matter, title, first section) under the line and byte limits. */
const FRAME_LINES = 20;
const FRAME_BYTES = 1024;

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** How many of `unit` fit in `room`, or no bound when the unit takes none of it. */
function fits(room: number, perUnit: number): number {
  return perUnit > 0 ? Math.floor(room / perUnit) : Number.POSITIVE_INFINITY;
}

function markupOf(text: string): number {
  const counts = countMarks(text);
  return counts.emphasis + counts.link + counts.code + counts.html + counts.other;
}

function pipesOf(text: string): number {
  return text.split('|').length - 1;
}

/**
 * `head` then `unit` repeated as often as the file-wide limits allow (lines, bytes, markup,
 * table pipes; at most `times`), then `tail`.
 */
function fill(unit: string, options: { head?: string; tail?: string; times?: number } = {}): string {
  const head = options.head ?? '## 단계\n\n';
  const tail = options.tail ?? '';
  const fixed = `${FRONT_MATTER}${head}${tail}`;
  const times = Math.min(
    fits(LESSON_LIMITS.lines - FRAME_LINES - fixed.split('\n').length, unit.split('\n').length - 1),
    fits(LESSON_LIMITS.fileBytes - FRAME_BYTES - byteLength(fixed), byteLength(unit)),
    fits(LESSON_LIMITS.markup - markupOf(fixed) - 100, markupOf(unit)),
    fits(LESSON_LIMITS.tablePipes - pipesOf(fixed), pipesOf(unit)),
    options.times ?? Number.POSITIVE_INFINITY,
  );
  return `${FRONT_MATTER}${head}${unit.repeat(times)}${tail}`;
}

/** A run of `count` pieces joined into lines no longer than the line limit. */
function wrap(pieces: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line.length + piece.length > LESSON_LIMITS.lineLength - 2) {
      lines.push(line);
      line = '';
    }
    line += piece;
  }
  lines.push(line);
  return lines.join('\n');
}

const emphasis = LESSON_LIMITS.emphasisMarks;
const links = LESSON_LIMITS.linkMarks;
const html = LESSON_LIMITS.htmlMarks;
const depth = LESSON_LIMITS.nestingDepth;

function backtickRuns(count: number): string {
  return wrap(Array.from({ length: count }, (_, index) => `a${'`'.repeat(index + 1)}`));
}

function nestedDetails(levels: number): string {
  const open = '<details>\n<summary>더 보기</summary>\n\n내용\n\n'.repeat(levels);
  return `${open}${'</details>\n\n'.repeat(levels)}`;
}

const quizQuestion = (number: number) =>
  `**문제 ${number}:** 질문이에요.\n\nA. 하나\nB. 둘\nC. 셋\nD. 넷\n\n<details>\n<summary>정답 보기</summary>\n\n**정답: B**\n\n해설이에요.\n\n</details>\n\n`;

export const adversarialLessons: readonly AdversarialLesson[] = [
  { name: 'plain prose, longest lines', text: fill(`${'가나다라마바사 '.repeat(220)}\n\n`) },
  { name: 'plain prose, shortest paragraphs', text: fill('가나다\n\n') },
  { name: 'nested emphasis', text: fill(`${'*a '.repeat(emphasis / 2)}${' b*'.repeat(emphasis / 2)}\n\n`) },
  { name: 'alternating * and _', text: fill(`${'*_'.repeat(emphasis / 2)}\n\n`) },
  { name: 'emphasis closers without openers', text: fill(`${'a* '.repeat(emphasis)}\n\n`) },
  {
    name: 'emphasis closers after many entities',
    text: fill(`${wrap(Array.from({ length: 8_000 }, () => '&amp; '))} ${'a* '.repeat(emphasis)}\n\n`, {
      times: 1,
    }),
  },
  {
    name: 'nested strikethrough',
    text: fill(`${'~a '.repeat(emphasis / 2)}${' b~'.repeat(emphasis / 2)}\n\n`),
  },
  { name: 'link closers without openers', text: fill(`${']'.repeat(links)}\n\n`) },
  { name: 'link openers with emphasis', text: fill(`${'[*'.repeat(links / 2)}\n\n`) },
  { name: 'nested brackets', text: fill(`${'['.repeat(links / 2)}a${']'.repeat(links / 2)}\n\n`) },
  { name: 'backtick runs of every length', text: fill(`${backtickRuns(LESSON_LIMITS.codeMarks)}\n\n`) },
  { name: 'unclosed html tags', text: fill(`${wrap(Array.from({ length: html }, () => '<a b="c" '))}\n\n`) },
  { name: 'www autolinks', text: fill(`${wrap(Array.from({ length: 300 }, () => 'www.a.b '))}\n\n`) },
  { name: 'sibling list items', text: fill('- 항목\n', { times: LESSON_LIMITS.containerMarkers }) },
  {
    name: 'nested list by indentation',
    text: fill(Array.from({ length: depth - 1 }, (_, level) => `${'  '.repeat(level)}- 항목\n`).join(''), {
      times: Math.floor(LESSON_LIMITS.containerMarkers / (depth - 1)),
    }),
  },
  {
    name: 'deep quotes then lazy lines',
    text: fill(`${'>'.repeat(depth - 1)} 인용\n이어지는 줄\n\n`, {
      times: Math.floor(LESSON_LIMITS.containerMarkers / (depth - 1)),
    }),
  },
  {
    name: 'quote closed by a heading',
    text: fill('> 인용\n### 제목\n', { times: LESSON_LIMITS.containerMarkers }),
  },
  { name: 'setext headings', text: fill('제목\n===\n') },
  { name: 'setext sections', text: fill('단계\n---\n본문\n\n') },
  { name: 'many sections with one title', text: fill('## 같은 제목\n\n본문\n\n', { head: '' }) },
  { name: 'tall table', text: fill('| 가 | 나 |\n', { head: '## 단계\n\n| 가 | 나 |\n| --- | --- |\n' }) },
  {
    name: 'wide table',
    text: fill(`|${'가|'.repeat(600)}\n`, {
      head: `## 단계\n\n|${'가|'.repeat(600)}\n|${'-|'.repeat(600)}\n`,
    }),
  },
  {
    name: 'long code block',
    text: fill('echo "코드 한 줄이에요"\n', { head: '## 단계\n\n```bash\n', tail: '```\n' }),
  },
  { name: 'one huge paragraph of short words', text: fill('가 나 다 라 마 바 사 아\n') },
  { name: 'hard line breaks', text: fill('한 줄이에요  \n') },
  {
    name: 'html blocks full of tags',
    text: fill(`<div>\n${wrap(Array.from({ length: html / 2 - 1 }, () => '<b>굵게</b> '))}\n</div>\n\n`),
  },
  { name: 'br lines', text: fill('<br/>\n본문<br/>이어서\n\n') },
  { name: 'nested details at the limit', text: fill(nestedDetails(LESSON_LIMITS.detailsDepth)) },
  {
    name: 'quiz with many questions',
    text: fill(quizQuestion(1).replace('문제 1', '문제 {n}'), {
      head: '## 단계\n\n본문\n\n## 🎮 연습 문제\n\n',
    }),
  },
].map(numberQuestions);

/** Quiz questions need distinct numbers: `{n}` counts up. */
function numberQuestions(lesson: AdversarialLesson): AdversarialLesson {
  let number = 0;
  return {
    name: lesson.name,
    text: lesson.text.replace(/\{n\}/g, () => {
      number += 1;
      return String(number);
    }),
  };
}
