import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { type AutocompleteChoice, type Call, learnerOf } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import type { PageView } from '../src/services/lesson-flow.js';
import { lessonButtonIds } from '../src/ui/buttons/lesson-buttons.js';
import { renderCourseDone } from '../src/ui/views/course-done.js';
import { renderLessonFinished } from '../src/ui/views/lesson-finished.js';
import { renderLessonList } from '../src/ui/views/lesson-list.js';
import { renderLessonPage } from '../src/ui/views/lesson-page.js';
import { renderReveal } from '../src/ui/views/reveal.js';
import { lessonButton, lessonChoices, lessonOption, requireLesson } from './shared-lesson.js';
import { inServersOnly } from './shared-options.js';

export const lessonCommand = {
  name: 'lesson',
  name_localizations: { ko: '레슨' },
  description: 'Read the Docker course, one step at a time',
  description_localizations: { ko: '도커 레슨을 한 단계씩 읽어요' },
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'list',
      name_localizations: { ko: '목록' },
      description: 'All lessons with your progress',
      description_localizations: { ko: '전체 레슨과 내 진도' },
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'open',
      name_localizations: { ko: '열기' },
      description: 'Open a lesson page',
      description_localizations: { ko: '레슨 페이지 열기' },
      options: [
        lessonOption,
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'step',
          name_localizations: { ko: '단계' },
          description: 'Step number (default: your first unfinished step)',
          description_localizations: { ko: '단계 번호 (기본: 아직 끝내지 않은 첫 단계)' },
          min_value: 1,
          max_value: 100,
          autocomplete: true,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'next',
      name_localizations: { ko: '계속' },
      description: 'Continue where you stopped',
      description_localizations: { ko: '멈춘 곳에서 이어서 학습' },
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function pagePayload(app: AppContext, call: Call, view: PageView) {
  return renderLessonPage({
    lesson: view.lesson,
    pageIndex: view.pageIndex,
    ownerId: call.user.id,
    t: call.t,
    completedStepIds: view.completedStepIds,
    earned: app.path.stepPoints(learnerOf(call), view.completion),
  });
}

/** ◀ ▶ (and the page indicator): turning a page, and reading a step to its end with ▶. */
const pageButton = lessonButton('page', lessonButtonIds.page, async (app, call, press, { lesson }) => {
  const view = app.lessons.turn(learnerOf(call), lesson, press.from, press.page);
  await call.respond.update(pagePayload(app, call, view));
});

/** "펼쳐 보기": the body of a `<details>` element, in a message of its own. */
const revealButton = lessonButton('reveal', lessonButtonIds.reveal, async (_app, call, press, { lesson }) => {
  const reveal = renderReveal({ lesson, pageIndex: press.page, detailsIndex: press.details, t: call.t });
  if (!reveal) throw new UserFacingError('button.malformed');
  await call.respond.send(reveal);
});

/** "완료" on the last page of a lesson without a quiz: its last step is done. */
const finishButton = lessonButton('finish', lessonButtonIds.finish, async (app, call, _press, { lesson }) => {
  const learner = learnerOf(call);
  const completion = app.lessons.finish(learner, lesson);
  await call.respond.update(pagePayload(app, call, app.lessons.open(learner, lesson)));
  await call.respond.followUp(
    renderLessonFinished({
      lesson,
      earned: app.path.stepPoints(learner, completion),
      next: app.path.nextLesson(learner, lesson.id),
      ownerId: call.user.id,
      t: call.t,
    }),
  );
});

export const lesson = defineCommand({
  data: lessonCommand,
  access: 'everyone',
  buttons: [pageButton, revealButton, finishButton],
  async execute(app: AppContext, call, args) {
    const learner = learnerOf(call);
    switch (args.subcommand) {
      case 'list': {
        const summaries = app.progress.summaries(learner);
        await call.respond.send(renderLessonList(app.catalog.list(), summaries, call.t));
        return;
      }
      case 'open': {
        const { lesson } = requireLesson(app, args.lesson);
        if (args.step !== undefined && (args.step < 1 || args.step > lesson.steps.length)) {
          throw new UserFacingError('lesson.unknownStep', { step: args.step, count: lesson.steps.length });
        }
        await call.respond.send(pagePayload(app, call, app.lessons.open(learner, lesson, args.step)));
        return;
      }
      case 'next': {
        // After the whole course there is nothing to continue: say so, with the learner's record.
        if (app.path.courseDone(learner)) {
          await call.respond.send(renderCourseDone(app.path.summary(learner), call.t));
          return;
        }
        const view = app.lessons.continueIn(
          learner,
          app.catalog.list().map((entry) => entry.lesson),
        );
        if (!view) throw new UserFacingError('lesson.none');
        await call.respond.send(pagePayload(app, call, view));
        return;
      }
    }
  },
  async autocomplete(app: AppContext, call, focused, options): Promise<AutocompleteChoice[]> {
    if (focused.name === 'lesson') return lessonChoices(app, focused.value);
    const typedLesson = options.get('lesson');
    const entry = typeof typedLesson === 'string' ? app.catalog.resolve(typedLesson) : undefined;
    if (!entry) return [];
    const done = app.lessons.completedStepIds(learnerOf(call), entry.lesson);
    return entry.lesson.steps
      .filter(
        (step) =>
          String(step.index + 1).startsWith(focused.value.trim()) || step.title.includes(focused.value),
      )
      .slice(0, 25)
      .map((step) => ({
        name: `${step.index + 1}. ${step.title}${done.has(step.id) ? ' ✅' : ''}`.slice(0, 100),
        value: step.index + 1,
      }));
  },
});
