import {
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { AppContext } from '../src/app/context.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { renderFunnelStats, renderQuizStats, renderVerifyStats } from '../src/ui/views/stats.js';
import { groupOption, resolveScope } from './leaderboard.js';
import { lessonChoices, requireLesson } from './lesson.js';
import { inServersOnly, lessonOption } from './shared-options.js';

export const statsCommand = {
  name: 'stats',
  name_localizations: { ko: '통계' },
  description: 'Where learners get stuck in a lesson (instructors)',
  description_localizations: { ko: '강의에서 학습자가 막히는 곳 (강사 전용)' },
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  ...inServersOnly,
  options: [lessonOption, groupOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** More than there are kinds of /verify outcome, so the list is complete (and still short). */
const verifyOutcomeLimit = 30;

/**
 * `/stats`: three ephemeral messages, each within Discord's limits on its own: the step funnel
 * with its PNG chart, the quiz item analysis, and the most frequent /verify failures.
 */
export const stats = defineCommand({
  data: statsCommand,
  access: 'instructor',
  async execute(app: AppContext, call, args) {
    // Drawing the chart and reading every event table takes a moment: acknowledge first.
    await call.respond.defer();
    const entry = requireLesson(app, args.lesson);
    const { scope, shown } = resolveScope(app, call, { group: args.group, lesson: undefined });
    const statsScope = { ...scope, lessonId: entry.lesson.id };
    const heading = { lesson: entry.lesson, scope: shown };
    await call.respond.send(
      renderFunnelStats({ ...heading, funnel: app.store.stats.funnel(statsScope) }, call.t),
    );
    await call.respond.followUp(
      renderQuizStats({ ...heading, questions: app.store.stats.answerDistribution(statsScope) }, call.t),
    );
    await call.respond.followUp(
      renderVerifyStats(
        {
          ...heading,
          outcomes: app.store.stats.verifyOutcomes({ ...statsScope, limit: verifyOutcomeLimit }),
          check: entry.check,
          shared: app.store.sharedDigests.forLesson(statsScope),
        },
        call.t,
      ),
    );
  },
  async autocomplete(app: AppContext, _call, focused) {
    return focused.name === 'lesson' ? lessonChoices(app, focused.value) : [];
  },
});
