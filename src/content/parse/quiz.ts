import type { Paragraph, PhrasingContent } from 'mdast';
import type { ProblemList } from '../errors.js';
import type { Block, QuizOption, QuizQuestion } from '../model.js';
import { type BlockContext, toBlocks } from './blocks.js';
import { inlineMarkdown, inlinePlain } from './inline.js';
import { lineOf } from './markdown.js';
import type { StructNode } from './structure.js';

export const MAX_QUIZ_OPTIONS = 10;

/** Section titles that mark the quiz ("🎮 연습 문제", "퀴즈", "Quiz"). */
const QUIZ_TITLE_WORDS = ['연습 문제', '연습문제', '퀴즈', 'quiz'];
/** "문제 1:" in bold opens a question; the rest of that paragraph is the prompt. */
const QUESTION_LABEL = /^문제\s*(\d+)\s*[:.：]?\s*(.*)$/s;
/** An option line: "A. text" or "A) text". */
const OPTION_LINE = /^([A-Za-z])[.)]\s+(\S.*)$/;
/** The answer line inside the explanation: "정답: B". */
const ANSWER_LINE = /^정답\s*[:：]\s*([A-Za-z])\b\s*(.*)$/s;

export function isQuizSection(title: string, nodes: readonly StructNode[]): boolean {
  const lowered = title.toLowerCase();
  return (
    QUIZ_TITLE_WORDS.some((word) => lowered.includes(word)) ||
    nodes.some((node) => questionStart(node) !== null)
  );
}

interface Draft {
  number: number;
  line: number;
  promptLines: string[];
  options: QuizOption[];
  context: StructNode[];
  answer: string | null;
  /** The `**정답: X**` line, where a wrong answer letter is reported. */
  answerLine: number | null;
  explanation: StructNode[];
}

export interface ParsedQuiz {
  intro: Block[];
  questions: QuizQuestion[];
}

/** Reads the quiz section: questions, their options, answers and explanations. */
export function parseQuiz(
  nodes: readonly StructNode[],
  sectionLine: number,
  file: string,
  context: BlockContext,
  problems: ProblemList,
): ParsedQuiz {
  const intro: StructNode[] = [];
  const drafts: Draft[] = [];
  for (const node of nodes) {
    const start = questionStart(node);
    const draft = drafts.at(-1);
    if (start) {
      const fresh: Draft = {
        ...start,
        promptLines: [],
        options: [],
        context: [],
        answer: null,
        answerLine: null,
        explanation: [],
      };
      // Options may follow the prompt in the same paragraph.
      for (const line of start.promptLines) {
        if (OPTION_LINE.test(line)) addOption(fresh, line);
        else if (fresh.options.length === 0) fresh.promptLines.push(line);
      }
      drafts.push(fresh);
    } else if (!draft) {
      intro.push(node);
    } else {
      readIntoDraft(draft, node);
    }
  }
  if (drafts.length === 0) problems.add(file, sectionLine, 'content.error.quizNoQuestions');
  const firstWithNumber = new Map<number, Draft>();
  for (const draft of drafts)
    if (!firstWithNumber.has(draft.number)) firstWithNumber.set(draft.number, draft);
  const questions = drafts.flatMap((draft) =>
    finishDraft(draft, firstWithNumber.get(draft.number) !== draft, file, context, problems),
  );
  return { intro: toBlocks(intro, context), questions };
}

function questionStart(node: StructNode): Pick<Draft, 'number' | 'line' | 'promptLines'> | null {
  if (node.type !== 'paragraph') return null;
  const [first, ...rest] = node.children;
  if (first?.type !== 'strong') return null;
  const match = QUESTION_LABEL.exec(inlinePlain(first.children));
  if (!match) return null;
  const inStrong = match[2]!.trim();
  const after = inlineMarkdown(rest);
  const text = [inStrong, after].filter((part) => part.length > 0).join(' ');
  return { number: Number(match[1]), line: lineOf(node), promptLines: text.split('\n') };
}

function readIntoDraft(draft: Draft, node: StructNode): void {
  if (node.type === 'details') {
    const [head, ...rest] = node.children;
    const answerParagraph = head?.type === 'paragraph' ? head : null;
    const answer = answerParagraph ? answerOf(answerParagraph) : null;
    if (answer && answerParagraph && draft.answer === null) {
      draft.answer = answer.key;
      draft.answerLine = lineOf(answerParagraph);
      draft.explanation.push(...answer.rest, ...rest);
    } else if (draft.answer === null) {
      draft.context.push(node);
    } else {
      draft.explanation.push(node);
    }
    return;
  }
  if (node.type === 'paragraph') {
    const answer = draft.answer === null ? answerOf(node) : null;
    if (answer) {
      draft.answer = answer.key;
      draft.answerLine = lineOf(node);
      draft.explanation.push(...answer.rest);
      return;
    }
    if (draft.answer === null && draft.context.length === 0 && readOptionLines(draft, node)) return;
  }
  if (node.type === 'list' && draft.answer === null && draft.options.length === 0) {
    const lines = node.children.map((item) =>
      item.children
        .map((child) => (child.type === 'paragraph' ? inlineMarkdown(child.children) : ''))
        .join(' '),
    );
    if (lines.every((line) => OPTION_LINE.test(line))) {
      for (const line of lines) addOption(draft, line);
      return;
    }
  }
  if (draft.answer === null) draft.context.push(node);
  else draft.explanation.push(node);
}

/** Takes option lines from a paragraph; lines before the first option extend the prompt. */
function readOptionLines(draft: Draft, paragraph: Paragraph): boolean {
  const lines = inlineMarkdown(paragraph.children).split('\n');
  if (!lines.some((line) => OPTION_LINE.test(line))) return false;
  for (const line of lines) {
    if (OPTION_LINE.test(line)) addOption(draft, line);
    else if (draft.options.length === 0) draft.promptLines.push(line);
    else {
      const last = draft.options.at(-1)!;
      last.text = `${last.text}\n${line}`;
    }
  }
  return true;
}

function addOption(draft: Draft, line: string): void {
  const match = OPTION_LINE.exec(line)!;
  draft.options.push({ key: match[1]!.toUpperCase(), text: match[2]!.trim() });
}

function answerOf(paragraph: Paragraph): { key: string; rest: StructNode[] } | null {
  const match = ANSWER_LINE.exec(inlinePlain(paragraph.children));
  if (!match) return null;
  const remainder = match[2]!.trim();
  const rest: StructNode[] =
    remainder.length > 0
      ? [
          {
            type: 'paragraph',
            children: [{ type: 'text', value: remainder }] as PhrasingContent[],
            position: paragraph.position,
          },
        ]
      : [];
  return { key: match[1]!.toUpperCase(), rest };
}

function finishDraft(
  draft: Draft,
  repeatsNumber: boolean,
  file: string,
  context: BlockContext,
  problems: ProblemList,
): QuizQuestion[] {
  const before = problems.items.length;
  const number = draft.number;
  if (repeatsNumber) {
    problems.add(file, draft.line, 'content.error.quizDuplicateNumber', { number });
  }
  const prompt = draft.promptLines.join('\n').trim();
  if (prompt.length === 0) problems.add(file, draft.line, 'content.error.quizEmptyPrompt', { number });
  const count = draft.options.length;
  if (count < 2) problems.add(file, draft.line, 'content.error.quizTooFewOptions', { number, count });
  if (count > MAX_QUIZ_OPTIONS) {
    problems.add(file, draft.line, 'content.error.quizTooManyOptions', {
      number,
      count,
      max: MAX_QUIZ_OPTIONS,
    });
  }
  const keys = draft.options.map((option) => option.key);
  const seenKeys = new Set<string>();
  for (const key of keys) {
    if (seenKeys.has(key))
      problems.add(file, draft.line, 'content.error.quizDuplicateOption', { number, key });
    seenKeys.add(key);
  }
  if (draft.answer === null) {
    problems.add(file, draft.line, 'content.error.quizMissingAnswer', { number });
  } else if (!keys.includes(draft.answer)) {
    problems.add(file, draft.answerLine ?? draft.line, 'content.error.quizAnswerNotOption', {
      number,
      answer: draft.answer,
      keys: keys.join(', '),
    });
  }
  if (problems.items.length > before) return [];
  return [
    {
      id: `q${number}`,
      number,
      prompt,
      context: toBlocks(draft.context, context),
      options: draft.options,
      answer: draft.answer!,
      explanation: toBlocks(draft.explanation, context),
      line: draft.line,
    },
  ];
}
