import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

/** Every command works in server channels only: progress and groups belong to a server. */
export const inServersOnly: Pick<
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  'contexts' | 'integration_types'
> = {
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};

/** The `lesson` option shared by /lesson open and /quiz (autocompleted from the course). */
export const lessonOption = {
  type: ApplicationCommandOptionType.String,
  name: 'lesson',
  name_localizations: { ko: '강의' },
  description: 'Lesson number or title',
  description_localizations: { ko: '강의 번호 또는 제목' },
  required: true,
  autocomplete: true,
  max_length: 100,
} as const;
