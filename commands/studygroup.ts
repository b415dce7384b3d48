import {
  ApplicationCommandOptionType,
  ChannelType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Call } from '../src/interactions/call.js';
import type { ChannelArg } from '../src/interactions/command-args.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import { GROUP_NAME_MAX, type GroupRef } from '../src/services/study-groups.js';
import { groupName, renderGroupList, renderGroupNotice } from '../src/ui/views/studygroup.js';
import { inServersOnly } from './shared-options.js';

/** The group's channel: the one given, or the one the command was run in. */
const channelOption = {
  type: ApplicationCommandOptionType.Channel,
  name: 'channel',
  name_localizations: { ko: '채널' },
  description: 'The study group’s channel (default: this channel)',
  description_localizations: { ko: '스터디 그룹 채널 (기본: 지금 채널)' },
  // Discord's type wants a mutable array; `as const` would make it readonly.
  channel_types: [ChannelType.GuildText] as ChannelType.GuildText[],
} as const;

export const studygroupCommand = {
  name: 'studygroup',
  name_localizations: { ko: '스터디-그룹' },
  description: 'Register study-group channels and their members (instructors)',
  description_localizations: { ko: '스터디 그룹 채널과 멤버를 관리해요 (강사 전용)' },
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'create',
      name_localizations: { ko: '만들기' },
      description: 'Register this (or the given) channel as a study group',
      description_localizations: { ko: '지금 채널(또는 고른 채널)을 스터디 그룹으로 등록' },
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          name_localizations: { ko: '이름' },
          description: 'Group name (1–50 characters)',
          description_localizations: { ko: '그룹 이름 (1~50자)' },
          required: true,
          min_length: 1,
          max_length: GROUP_NAME_MAX,
        },
        channelOption,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'list',
      name_localizations: { ko: '목록' },
      description: 'The server’s study groups',
      description_localizations: { ko: '서버의 스터디 그룹 목록' },
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      name_localizations: { ko: '삭제' },
      description: 'Unregister this (or the given) channel’s study group; progress is kept',
      description_localizations: { ko: '지금 채널(또는 고른 채널)의 스터디 그룹 등록 해제 (진도는 유지)' },
      options: [channelOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      name_localizations: { ko: '추가' },
      description: 'Add a learner to this (or the given) channel’s study group',
      description_localizations: { ko: '지금 채널(또는 고른 채널)의 스터디 그룹에 학습자 추가' },
      options: [
        {
          type: ApplicationCommandOptionType.User,
          name: 'user',
          name_localizations: { ko: '학습자' },
          description: 'The learner to add',
          description_localizations: { ko: '추가할 학습자' },
          required: true,
        },
        channelOption,
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function groupRef(call: Call, channel: ChannelArg | undefined): GroupRef {
  return { guildId: call.guildId, channelId: channel?.id ?? call.channelId };
}

export const studygroup = defineCommand({
  data: studygroupCommand,
  access: 'instructor',
  async execute(app: AppContext, call, args) {
    switch (args.subcommand) {
      case 'create': {
        const ref = groupRef(call, args.channel);
        const created = app.studyGroups.create(ref, args.name, call.user.id);
        if (created.kind === 'invalid-name') throw new UserFacingError('studygroup.invalidName');
        if (created.kind === 'already-registered') {
          throw new UserFacingError('studygroup.alreadyRegistered', {
            channelId: ref.channelId,
            name: groupName(created.existing),
          });
        }
        await call.respond.send(
          renderGroupNotice(
            call.t('studygroup.created', { channelId: ref.channelId, name: groupName(created.group) }),
          ),
        );
        return;
      }
      case 'list':
        await call.respond.send(renderGroupList(app.studyGroups.list(call.guildId), call.t));
        return;
      case 'remove': {
        const ref = groupRef(call, args.channel);
        // Only the group and its member list go; step completions, quiz results and points stay.
        const group = app.studyGroups.remove(ref);
        if (!group) throw new UserFacingError('studygroup.noGroup', { channelId: ref.channelId });
        await call.respond.send(
          renderGroupNotice(
            call.t('studygroup.removed', {
              channelId: ref.channelId,
              name: groupName(group),
              members: group.memberCount,
            }),
          ),
        );
        return;
      }
      case 'add': {
        const ref = groupRef(call, args.channel);
        const change = app.studyGroups.addMember(ref, args.user.id);
        if (change.kind === 'no-group')
          throw new UserFacingError('studygroup.noGroup', { channelId: ref.channelId });
        const params = {
          userId: args.user.id,
          channelId: ref.channelId,
          name: groupName(change.group),
          members: change.group.memberCount,
        };
        if (change.kind === 'already-member') throw new UserFacingError('studygroup.alreadyMember', params);
        await call.respond.send(renderGroupNotice(call.t('studygroup.memberAdded', params)));
        return;
      }
    }
  },
});
