import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import { SEASON_NAME_MAX } from '../src/services/boards.js';
import { renderSeasonEnded, renderSeasonStarted } from '../src/ui/views/season.js';
import { inServersOnly } from './shared-options.js';

/**
 * Seasons of this server's course: `/leaderboard period:season` counts points since the start of
 * the running (or last) season. A per-server command of its own, registered like /leaderboard.
 */
export const seasonCommand = {
  name: 'season',
  name_localizations: { ko: '시즌' },
  description: 'Start or end a leaderboard season in this server (instructors)',
  description_localizations: { ko: '이 서버의 리더보드 시즌 시작·종료 (강사 전용)' },
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'start',
      name_localizations: { ko: '시작' },
      description: 'Start a new season now (the running one ends)',
      description_localizations: { ko: '지금 새 시즌 시작 (진행 중인 시즌은 끝나요)' },
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          name_localizations: { ko: '이름' },
          description: `Season name (1–${SEASON_NAME_MAX} characters)`,
          description_localizations: { ko: `시즌 이름 (1~${SEASON_NAME_MAX}자)` },
          required: true,
          min_length: 1,
          max_length: SEASON_NAME_MAX,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'end',
      name_localizations: { ko: '종료' },
      description: 'End the running season (its board stays readable)',
      description_localizations: { ko: '진행 중인 시즌 종료 (순위는 계속 볼 수 있어요)' },
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const season = defineCommand({
  data: seasonCommand,
  access: 'instructor',
  async execute(app: AppContext, call, args) {
    switch (args.subcommand) {
      case 'start': {
        const started = app.boards.startSeason(call.guildId, args.name, call.user.id);
        if (!started) throw new UserFacingError('boards.season.invalidName', { max: SEASON_NAME_MAX });
        app.logger.info(
          { guild: call.guildId, season: started.season.seasonId, by: call.user.id },
          'season started',
        );
        await call.respond.send(renderSeasonStarted(started, call.t));
        return;
      }
      case 'end': {
        const ended = app.boards.endSeason(call.guildId);
        if (!ended) throw new UserFacingError('boards.season.noneRunning');
        await call.respond.send(renderSeasonEnded(ended, call.t));
        return;
      }
    }
  },
});
