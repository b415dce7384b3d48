/**
 * `npm run content:check`: validates every lesson in LESSONS_DIR and the course.yaml beside
 * that folder, and prints a summary per lesson. Problems print as "file:line: message" and the
 * exit code is 1. Without a course.yaml next to the lessons folder, lessons are ordered by
 * file name and have no /verify checks.
 */
import { existsSync } from 'node:fs';
import { lessonRules } from '../app/course-reading.js';
import { defaultCourseFile, loadCourse } from '../content/course.js';
import { ContentError, formatProblem } from '../content/errors.js';
import type { CourseEntry } from '../content/model.js';
import { MESSAGE_TEXT_LIMIT } from '../content/paginate.js';
import { translator } from '../i18n/index.js';
import { renderAll } from '../ui/lesson-payloads.js';
import { payloadTextLength } from '../ui/limits.js';
import { lessonsDirFromEnv } from './lessons-dir.js';

const t = translator('ko');

function summaryOf({ lesson, check }: CourseEntry): string[] {
  const pages = renderAll(lesson, t).filter((item) => item.kind === 'page');
  const sizes = pages.map((item) => payloadTextLength(item.payload));
  const largest = Math.max(...sizes);
  const lines = [
    t('content.cli.summary', {
      file: lesson.file,
      lessonId: lesson.id,
      title: lesson.title,
      steps: lesson.steps.length,
      pages: pages.length,
      questions: lesson.quiz.length,
      largest,
      limit: MESSAGE_TEXT_LIMIT,
      largestPage: sizes.indexOf(largest) + 1,
    }),
  ];
  if (check) {
    lines.push(
      t('content.cli.check', {
        repository: check.repository,
        tag: check.tag,
        baseImage: check.baseImage ?? t('content.cli.none'),
        tagStep: check.fixSteps.tag,
        pushStep: check.fixSteps.push,
        publishStep: check.fixSteps.publish,
        buildStep: check.fixSteps.build ?? t('content.cli.none'),
      }),
    );
  } else lines.push(t('content.cli.noCheck'));
  return lines;
}

async function main(): Promise<number> {
  const lessonsDir = lessonsDirFromEnv();
  const courseFile = defaultCourseFile(lessonsDir);
  if (!existsSync(courseFile)) console.log(t('content.cli.noCourseFile', { file: courseFile }));
  try {
    const course = await loadCourse({ lessonsDir, rules: lessonRules });
    for (const entry of course.entries) console.log(summaryOf(entry).join('\n'));
    console.log(t('content.cli.ok', { count: course.entries.length }));
    return 0;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const entry of error.problems) console.error(formatProblem(entry));
    console.error(t('content.cli.failed', { count: error.problems.length }));
    return 1;
  }
}

process.exitCode = await main();
