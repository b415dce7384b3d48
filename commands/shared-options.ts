import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Call } from '../src/interactions/call.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import type { Scope } from '../src/services/boards.js';
import type { ScopeView } from '../src/ui/views/scope.js';

/** Every command works in server channels only: progress and groups belong to a server. */
export const inServersOnly: Pick<
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  'contexts' | 'integration_types'
> = {
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};

/** The `group` option of /leaderboard and /stats: a study group's channel. */
export const groupOption = {
  type: ApplicationCommandOptionType.Channel,
  name: 'group',
  name_localizations: { ko: '스터디-그룹' },
  description: 'Only this study group’s members (its channel)',
  description_localizations: { ko: '이 스터디 그룹(채널)의 학습자만' },
  // A mutable array: Discord's option type does not take a readonly one.
  channel_types: [ChannelType.GuildText] as ChannelType.GuildText[],
} as const;

/**
 * Who /leaderboard and /stats count: the server, or the members of the study group whose channel
 * the `group` option names (refused, friendly, when that channel holds none).
 */
export function groupScope(
  app: AppContext,
  call: Call,
  group: { id: string } | undefined,
): { scope: Scope; shown: ScopeView } {
  const found = app.boards.scopeOf(call.guildId, group?.id);
  if (found.kind === 'no-group')
    throw new UserFacingError('boards.group.none', { channelId: group?.id ?? '' });
  return { scope: found.scope, shown: found.group ? { groupName: found.group.name } : {} };
}
