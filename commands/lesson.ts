import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { AppContext } from '../src/app/context.js';
import type { AutocompleteChoice, Call } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import type { ButtonModule } from '../src/interactions/dispatcher.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { LessonPress } from '../src/interactions/lesson-button-decoding.js';
import type { CatalogEntry } from '../src/services/catalog.js';
import type { PageView } from '../src/services/lesson-flow.js';
import { escapeUserText } from '../src/ui/escape.js';
import { renderLessonPage, renderReveal } from '../src/ui/index.js';
import { noticeMessage } from '../src/ui/message.js';
import { renderLessonList } from '../src/ui/views/lesson-list.js';
import { inServersOnly, lessonOption } from './shared-options.js';

export const lessonCommand = {
  name: 'lesson',
  name_localizations: { ko: '강의' },
  description: 'Read the Docker course, one step at a time',
  description_localizations: { ko: '도커 강의를 한 단계씩 읽어요' },
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'list',
      name_localizations: { ko: '목록' },
      description: 'All lessons with your progress',
      description_localizations: { ko: '전체 강의와 내 진도' },
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'open',
      name_localizations: { ko: '열기' },
      description: 'Open a lesson page',
      description_localizations: { ko: '강의 페이지 열기' },
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

function learnerOf(call: Call) {
  return { guildId: call.guildId, userId: call.user.id };
}

/** The lesson a learner named, or a friendly refusal that repeats what they typed (escaped). */
export function requireLesson(app: AppContext, query: string): CatalogEntry {
  const entry = app.catalog.resolve(query);
  if (!entry)
    throw new UserFacingError('lesson.unknown', { query: escapeUserText(query, { max: 50, inCode: true }) });
  return entry;
}

/** Autocomplete for a `lesson` option: id or title contains what was typed (Korean included). */
export function lessonChoices(app: AppContext, typed: string): AutocompleteChoice[] {
  return app.catalog.search(typed).map(({ lesson }) => ({
    name: `${lesson.id} ${lesson.title}`.slice(0, 100),
    value: lesson.id,
  }));
}

function pagePayload(call: Call, view: PageView) {
  return renderLessonPage({
    lesson: view.lesson,
    pageIndex: view.pageIndex,
    ownerId: call.user.id,
    t: call.t,
    completedStepIds: view.completedStepIds,
  });
}

/** `/lesson next`: the last lesson, or the next one once it is done, or the first lesson. */
function continueLesson(app: AppContext, call: Call): PageView {
  const learner = learnerOf(call);
  const entries = app.catalog.list();
  if (entries.length === 0) throw new UserFacingError('lesson.none');
  const lastId = app.lessons.lastLessonId(learner);
  const start = Math.max(
    entries.findIndex((entry) => entry.lesson.id === lastId),
    0,
  );
  const unfinished = entries.slice(start).find(({ lesson }) => {
    const done = app.lessons.completedStepIds(learner, lesson);
    return lesson.steps.some((step) => !done.has(step.id));
  });
  return app.lessons.open(learner, (unfinished ?? entries[start]!).lesson);
}

export const lesson = defineCommand({
  data: lessonCommand,
  access: 'everyone',
  async execute(app: AppContext, call, args) {
    const learner = learnerOf(call);
    switch (args.subcommand) {
      case 'list': {
        const summaries = app.store.progress.summary(learner);
        await call.respond.send(renderLessonList(app.catalog.list(), summaries, call.t));
        return;
      }
      case 'open': {
        const { lesson } = requireLesson(app, args.lesson);
        if (args.step !== undefined && (args.step < 1 || args.step > lesson.steps.length)) {
          throw new UserFacingError('lesson.unknownStep', { step: args.step, count: lesson.steps.length });
        }
        await call.respond.send(pagePayload(call, app.lessons.open(learner, lesson, args.step)));
        return;
      }
      case 'next':
        await call.respond.send(pagePayload(call, continueLesson(app, call)));
        return;
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

/** ◀ ▶ and the reveal and finish buttons of lesson pages. */
export const lessonButtons: ButtonModule<AppContext, LessonPress> = {
  kinds: ['page', 'reveal', 'finish'],
  access: 'everyone',
  async handle(app, call, press) {
    const learner = learnerOf(call);
    const { lesson } = press.entry;
    switch (press.kind) {
      case 'page': {
        const view = app.lessons.turn(learner, lesson, press.from, press.page);
        await call.respond.update(pagePayload(call, view));
        return;
      }
      case 'reveal': {
        const reveal = renderReveal({
          lesson,
          pageIndex: press.page,
          detailsIndex: press.details,
          t: call.t,
        });
        if (!reveal) throw new UserFacingError('button.malformed');
        await call.respond.send(reveal);
        return;
      }
      case 'finish': {
        const completion = app.lessons.finish(learner, lesson);
        const view = app.lessons.open(learner, lesson);
        await call.respond.update(pagePayload(call, view));
        await call.respond.followUp(
          noticeMessage(call.t('lesson.finished', { lessonId: lesson.id, points: completion.pointsAwarded })),
        );
        return;
      }
      default:
        throw new UserFacingError('button.malformed');
    }
  },
};
