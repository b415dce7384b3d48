import type { Heading, Yaml } from 'mdast';
import { guardParse, ProblemList } from '../errors.js';
import { type Lesson, MAX_LESSON_ID_LENGTH, type Step } from '../model.js';
import { contentHashOf, normaliseText } from '../source.js';
import { type BlockContext, detailsCounter, toBlocks } from './blocks.js';
import { checkTextBounds } from './bounds.js';
import { checkClosedFences } from './fences.js';
import { readFrontMatter } from './front-matter.js';
import { inlinePlain } from './inline.js';
import { checkInlineMarks } from './inline-marks.js';
import { lineOf, parseMarkdown } from './markdown.js';
import { isQuizSection, type ParsedQuiz, parseQuiz } from './quiz.js';
import { slugify, uniqueIds } from './slug.js';
import { type StructNode, structureHtml } from './structure.js';

/** "5.2 제목" → id "5.2", title "제목". */
const NUMBERED_TITLE = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/s;
/** "Step 3: …" headings split a section into one step each. */
const STEP_HEADING = /^step\s*(\d+)\b/i;

interface Section {
  title: string;
  line: number;
  nodes: StructNode[];
}

/**
 * Parses one lesson file. Throws ContentError listing every problem found, each with its line,
 * and nothing else: the limits of parse/bounds.ts are checked before the Markdown parser runs,
 * and any other failure becomes a problem at the line being read when it happened.
 * CRLF line ends and a BOM make no difference (the text is normalised first).
 */
export function parseLesson(text: string, file: string): Lesson {
  const reading = { line: 1 };
  return guardParse(
    file,
    () => reading.line,
    () => parseNormalised(normaliseText(text), file, reading),
  );
}

function parseNormalised(normalised: string, file: string, reading: { line: number }): Lesson {
  const problems = new ProblemList();
  if (normalised.trim().length === 0) {
    problems.add(file, 1, 'content.error.emptyFile');
    problems.throwIfAny();
  }
  checkTextBounds(normalised, file, problems);
  problems.throwIfAny();
  checkInlineMarks(normalised, file, problems);
  problems.throwIfAny();

  const tree = parseMarkdown(normalised);
  checkClosedFences(tree, normalised, file, problems);
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const meta = readFrontMatter(yaml, file, problems);
  const body = structureHtml(
    tree.children.filter((node) => node.type !== 'yaml'),
    file,
    problems,
  );

  const titleIndex = body.findIndex((node) => node.type === 'heading' && node.depth === 1);
  const titleHeading = titleIndex >= 0 ? (body[titleIndex] as Heading) : null;
  const rest = titleIndex >= 0 ? [...body.slice(0, titleIndex), ...body.slice(titleIndex + 1)] : body;
  const { intro, sections } = splitSections(rest);

  const identity = lessonIdentity(titleHeading, meta?.title ?? null, file, problems);
  const blockContext = detailsCounter();
  const introBlocks = toBlocks(intro, blockContext);
  const steps: Step[] = [];
  let quiz: (ParsedQuiz & { title: string }) | null = null;
  const nextId = uniqueIds();
  for (const section of sections) {
    reading.line = section.line;
    if (quiz === null && isQuizSection(section.title, section.nodes)) {
      quiz = {
        title: section.title,
        ...parseQuiz(section.nodes, section.line, file, blockContext, problems),
      };
      continue;
    }
    steps.push(...sectionSteps(section, steps.length, nextId, blockContext, file, problems));
  }
  if (steps.length === 0)
    problems.add(file, titleHeading ? lineOf(titleHeading) : 1, 'content.error.noSteps');
  problems.throwIfAny();

  return {
    id: identity!.id,
    title: identity!.title,
    meta: meta!,
    file,
    titleLine: titleHeading ? lineOf(titleHeading) : 1,
    intro: introBlocks,
    steps,
    quizTitle: quiz?.title ?? null,
    quizIntro: quiz?.intro ?? [],
    quiz: quiz?.questions ?? [],
    contentHash: contentHashOf(normalised),
  };
}

function splitSections(nodes: readonly StructNode[]): { intro: StructNode[]; sections: Section[] } {
  const intro: StructNode[] = [];
  const sections: Section[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 2) {
      sections.push({ title: inlinePlain(node.children), line: lineOf(node), nodes: [] });
    } else {
      (sections.at(-1)?.nodes ?? intro).push(node);
    }
  }
  return { intro, sections };
}

function lessonIdentity(
  heading: Heading | null,
  frontMatterTitle: string | null,
  file: string,
  problems: ProblemList,
): { id: string; title: string } | null {
  const headingText = heading ? inlinePlain(heading.children) : null;
  const fromHeading = headingText ? NUMBERED_TITLE.exec(headingText) : null;
  const fromFrontMatter = frontMatterTitle ? NUMBERED_TITLE.exec(frontMatterTitle) : null;
  const line = heading ? lineOf(heading) : 1;
  if (fromHeading && fromFrontMatter && fromHeading[1] !== fromFrontMatter[1]) {
    problems.add(file, line, 'content.error.lessonNumberMismatch', {
      heading: fromHeading[1]!,
      frontMatter: fromFrontMatter[1]!,
    });
    return null;
  }
  const numbered = fromHeading ?? fromFrontMatter;
  if (!numbered) {
    // Without front matter the missing-front-matter problem already says what to do.
    if (frontMatterTitle !== null || heading) problems.add(file, line, 'content.error.noLessonNumber');
    return null;
  }
  const id = numbered[1]!;
  if (id.length > MAX_LESSON_ID_LENGTH) {
    problems.add(file, line, 'content.error.lessonIdTooLong', { id, max: MAX_LESSON_ID_LENGTH });
    return null;
  }
  return { id, title: numbered[2]!.trim() };
}

/** A `##` section is one step, or one step per `### Step N` heading inside it. */
function sectionSteps(
  section: Section,
  firstIndex: number,
  nextId: (wanted: string) => string,
  context: BlockContext,
  file: string,
  problems: ProblemList,
): Step[] {
  const starts = section.nodes.flatMap((node, position) => {
    if (node.type !== 'heading' || node.depth !== 3) return [];
    const title = inlinePlain(node.children);
    const match = STEP_HEADING.exec(title);
    return match ? [{ position, number: Number(match[1]), title, line: lineOf(node) }] : [];
  });
  if (starts.length === 0) {
    const slug = slugify(section.title);
    return [
      {
        id: nextId(slug.length > 0 ? slug : `section-${firstIndex + 1}`),
        index: firstIndex,
        section: section.title,
        title: section.title,
        blocks: toBlocks(section.nodes, context),
        line: section.line,
      },
    ];
  }
  const steps: Step[] = [];
  for (const [order, start] of starts.entries()) {
    const end = starts[order + 1]?.position ?? section.nodes.length;
    // Blocks before the first "### Step" belong to the first step of the section.
    const lead = order === 0 ? section.nodes.slice(0, start.position) : [];
    const nodes = [...lead, ...section.nodes.slice(start.position + 1, end)];
    const wanted = `step-${start.number}`;
    const id = nextId(wanted);
    if (id !== wanted)
      problems.add(file, start.line, 'content.error.duplicateStep', { number: start.number });
    steps.push({
      id,
      index: firstIndex + order,
      section: section.title,
      title: start.title,
      blocks: toBlocks(nodes, context),
      line: start.line,
    });
  }
  return steps;
}
