import {
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { defineCommand } from '../src/interactions/command-module.js';
import type { AppContext } from '../src/services/app-context.js';
import { renderFunnelStats, renderQuizStats, renderVerifyStats } from '../src/ui/views/stats.js';
import { lessonChoices, lessonOption, requireLesson } from './shared-lesson.js';
import { groupOption, groupScope, inServersOnly } from './shared-options.js';

export const statsCommand = {
  name: 'stats',
  name_localizations: { ko: '통계' },
  description: 'Where learners get stuck in a lesson (instructors)',
  description_localizations: { ko: '레슨에서 학습자가 막히는 곳 (강사 전용)' },
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  ...inServersOnly,
  options: [lessonOption, groupOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * `/stats`: three ephemeral messages, each within Discord's limits on its own: the step funnel
 * with its picture, the quiz item analysis, and the most frequent /verify failures.
 */
export const stats = defineCommand({
  data: statsCommand,
  access: 'instructor',
  async execute(app: AppContext, call, args) {
    // Drawing the chart and reading every event table takes a moment: acknowledge first.
    await call.respond.defer();
    const entry = requireLesson(app, args.lesson);
    const { scope, shown } = groupScope(app, call, args.group);
    const stats = app.boards.lessonStats({ ...scope, lessonId: entry.lesson.id });
    const heading = { lesson: entry.lesson, scope: shown };
    await call.respond.send(
      renderFunnelStats(
        { ...heading, funnel: stats.funnel, asOf: new Date(app.clock.now()), serverName: call.guildName },
        { t: call.t, locale: call.locale },
      ),
    );
    await call.respond.followUp(renderQuizStats({ ...heading, questions: stats.questions }, call.t));
    await call.respond.followUp(
      renderVerifyStats(
        { ...heading, outcomes: stats.outcomes, check: entry.check, shared: stats.shared },
        call.t,
      ),
    );
  },
  async autocomplete(app: AppContext, _call, focused) {
    return focused.name === 'lesson' ? lessonChoices(app, focused.value) : [];
  },
});
