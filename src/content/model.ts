/**
 * The course as the bot sees it: lessons made of ordered steps, each step a list of blocks,
 * plus the lesson's quiz. Parsed from the authors' Markdown by parse/lesson.ts; rendered to Discord
 * payloads and plain text by render/. Nothing here knows about Discord.
 */

/** Inline text is kept as Discord-flavoured Markdown (bold, italics, inline code, links). */
export type InlineText = string;

export type Block =
  | { kind: 'paragraph'; text: InlineText; line: number }
  | { kind: 'heading'; depth: number; text: InlineText; line: number }
  | { kind: 'code'; lang: string | null; code: string; line: number }
  | { kind: 'list'; ordered: boolean; start: number; items: InlineText[]; line: number }
  | { kind: 'table'; header: InlineText[]; rows: InlineText[][]; line: number }
  | {
      kind: 'details';
      /** `details-N`, numbered in document order across the lesson. */
      id: string;
      /** The `<summary>` as inline Markdown; empty when the author wrote none. */
      summary: InlineText;
      /** The summary as plain text (no Markdown), for button labels. */
      label: string;
      blocks: Block[];
      line: number;
    }
  | { kind: 'quote'; blocks: Block[]; line: number }
  | { kind: 'rule'; line: number };

export interface Step {
  /** Stable across content edits: `step-N` for "### Step N" headings, else a slug of the section title. */
  id: string;
  /** 0-based position in the lesson. */
  index: number;
  /** The `##` section this step belongs to (emoji kept, as the author wrote it). */
  section: string;
  /** The step's own title: "Step 1: 환경 변수 설정", or the section title for a whole-section step. */
  title: string;
  blocks: Block[];
  /** 1-based line of the heading that starts the step, for error messages. */
  line: number;
}

export interface QuizOption {
  /** "A", "B", … as written by the author. */
  key: string;
  text: InlineText;
}

export interface QuizQuestion {
  /** Stable: `q1`, `q2`, … from the author's "문제 N". */
  id: string;
  number: number;
  prompt: InlineText;
  /** Blocks between the prompt and the options (a code sample the question asks about, …). */
  context: Block[];
  options: QuizOption[];
  answer: string;
  explanation: Block[];
  line: number;
}

export type UpdateMode = 'upsert' | 'insert';

export interface LessonMeta {
  title: string;
  authorNick: string;
  /** Kept exactly as written ("2025-08-27"), never turned into a Date. */
  createdAt: string;
  updateMode: UpdateMode;
}

/**
 * A lesson id is at most this long: every button id naming the lesson must fit Discord's 100
 * characters (src/ui/buttons/lesson-buttons.ts), so the parser refuses longer ids.
 */
export const MAX_LESSON_ID_LENGTH = 32;

export interface Lesson {
  /** From the title's leading number: "5.2". */
  id: string;
  /** The title without its number: "도커 허브에 직접 빌드한 이미지 푸시하기". */
  title: string;
  meta: LessonMeta;
  /** The file the lesson came from, relative to the lessons folder. */
  file: string;
  /** The line of its `# 5.2 …` title (where a duplicate lesson number is reported); absent in old stored copies. */
  titleLine?: number;
  /** Blocks between the `#` title and the first `##` section: they open the first page. */
  intro: Block[];
  steps: Step[];
  /** The title of the quiz section ("🎮 연습 문제"), or null when the lesson has no quiz. */
  quizTitle: string | null;
  /** Blocks of the quiz section before its first question; shown with the first question. */
  quizIntro: Block[];
  quiz: QuizQuestion[];
  /** sha256 of the file's normalised text (BOM and CRLF removed): the content version. */
  contentHash: string;
}

/** What /verify checks for a lesson, from data/course.yaml. */
export interface LessonCheck {
  repository: string;
  tag: string;
  baseImage: string | null;
  /** Step ids that fix each kind of failure (tag missing → tag step, …). */
  fixSteps: { tag: string; push: string; publish: string; build: string | null };
  /** Where to send a learner whose image was not built right when no step here fixes it ("4장 …"). */
  buildHint: string | null;
  /** The build command learners ran for this image ("docker image build -t image-gallery ."). */
  buildCommand: string | null;
}

export interface CourseEntry {
  lesson: Lesson;
  check: LessonCheck | null;
}

export interface Course {
  /** Lessons in course order. */
  entries: CourseEntry[];
}

/**
 * One Discord message's worth of a lesson. Pages are numbered across the whole lesson: the
 * steps are flattened, and a step too long for one message becomes several parts.
 */
export interface LessonPage {
  /** 0-based position among all pages of the lesson. */
  index: number;
  stepIndex: number;
  stepId: string;
  /** 0-based part of the step this page shows, and how many parts the step has. */
  part: number;
  partCount: number;
  /** The lesson intro (first page only) followed by this part of the step's blocks. */
  blocks: Block[];
}
