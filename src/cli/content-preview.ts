/**
 * `npm run content:preview -- 5.2`: prints every page of a lesson as plain text, as a learner
 * reads it (buttons as [n: label]), then what each reveal button and each quiz answer shows.
 * LESSONS_DIR selects another lessons folder, as for content:check.
 */

import { lessonRules } from '../app/course-reading.js';
import { findEntry, loadCourse } from '../content/course.js';
import { ContentError, formatProblem } from '../content/errors.js';
import { paginateLesson } from '../content/paginate.js';
import { translator } from '../i18n/index.js';
import { renderAll } from '../ui/lesson-payloads.js';
import { payloadToText } from '../ui/plain-text.js';
import { renderQuizScore } from '../ui/views/quiz.js';
import { lessonsDirFromEnv } from './lessons-dir.js';

const t = translator('ko');
/** A plausible learner id for the preview's buttons. */
const PREVIEW_OWNER_ID = '100000000000000001';

async function main(): Promise<number> {
  const lessonId = process.argv[2]?.trim();
  if (!lessonId) {
    console.error(t('content.cli.previewUsage'));
    return 2;
  }
  let course: Awaited<ReturnType<typeof loadCourse>>;
  try {
    course = await loadCourse({ lessonsDir: lessonsDirFromEnv(), rules: lessonRules });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const entry of error.problems) console.error(formatProblem(entry));
    return 1;
  }
  const entry = findEntry(course, lessonId);
  if (!entry) {
    const lessons = course.entries.map((known) => known.lesson.id).join(', ');
    console.error(t('content.cli.previewUnknown', { lesson: lessonId, lessons }));
    return 1;
  }
  const { lesson } = entry;
  const pageCount = paginateLesson(lesson).length;
  const out: string[] = [];
  let pageNumber = 0;
  for (const item of renderAll(lesson, t, PREVIEW_OWNER_ID)) {
    if (item.kind === 'page') {
      pageNumber += 1;
      out.push(t('content.cli.previewPage', { page: pageNumber, pageCount }));
    } else if (item.kind === 'reveal') {
      out.push(
        t('content.cli.previewReveal', {
          page: item.pageIndex! + 1,
          label: item.label!,
          summary: item.summary!,
        }),
      );
    } else if (item.kind === 'question') {
      out.push(
        t('content.cli.previewQuestion', { number: item.where.params.number!, total: lesson.quiz.length }),
      );
    } else if (item.kind === 'answer') {
      out.push(t('content.cli.previewAnswer', { number: item.questionNumber!, key: item.optionKey! }));
    } else continue;
    out.push(payloadToText(item.payload).text, '');
  }
  if (lesson.quiz.length > 0) {
    const correct = Math.max(lesson.quiz.length - 1, 0);
    out.push(t('content.cli.previewScore', { correct, total: lesson.quiz.length }));
    out.push(
      payloadToText(renderQuizScore({ lesson, correctCount: correct, ownerId: PREVIEW_OWNER_ID, t })).text,
    );
  }
  console.log(out.join('\n'));
  return 0;
}

process.exitCode = await main();
