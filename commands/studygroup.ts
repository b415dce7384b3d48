import {
  ApplicationCommandOptionType,
  ChannelType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { DayOfWeek } from '../src/calendar.js';
import type { Call } from '../src/interactions/call.js';
import type { ChannelArg } from '../src/interactions/command-args.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import { GROUP_NAME_MAX, type GroupRef } from '../src/services/study-groups.js';
import { scheduleText } from '../src/ui/views/digest.js';
import {
  groupName,
  renderGroupList,
  renderGroupNotice,
  renderMembersAdded,
} from '../src/ui/views/studygroup.js';
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

/** `day:` of `/studygroup digest`: a weekday (0 = Monday, as the digest setting stores it) or off. */
const digestDays = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 } as const satisfies Record<
  string,
  DayOfWeek
>;
const digestDayChoices = [
  { name: 'Monday', name_localizations: { ko: '월' }, value: 'mon' },
  { name: 'Tuesday', name_localizations: { ko: '화' }, value: 'tue' },
  { name: 'Wednesday', name_localizations: { ko: '수' }, value: 'wed' },
  { name: 'Thursday', name_localizations: { ko: '목' }, value: 'thu' },
  { name: 'Friday', name_localizations: { ko: '금' }, value: 'fri' },
  { name: 'Saturday', name_localizations: { ko: '토' }, value: 'sat' },
  { name: 'Sunday', name_localizations: { ko: '일' }, value: 'sun' },
  { name: 'Off', name_localizations: { ko: '끄기' }, value: 'off' },
];

/** The group's name, as `create` sets it and `rename` changes it. */
const nameOption = {
  type: ApplicationCommandOptionType.String,
  name: 'name',
  name_localizations: { ko: '이름' },
  description: 'Group name (1–50 characters)',
  description_localizations: { ko: '그룹 이름 (1~50자)' },
  required: true,
  min_length: 1,
  max_length: GROUP_NAME_MAX,
} as const;

/** Most learners one `add` takes: `user` plus `user2`…`user10`. */
export const ADD_MAX_USERS = 10;

/**
 * Discord has no multi-user option. Separate user options are resolved and checked by Discord
 * (a real member of this server, with a member picker and a display name), where a string of
 * mentions would need parsing and a lookup per id and could name anyone or nothing.
 */
function extraUserOption<const N extends 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10>(n: N) {
  return {
    type: ApplicationCommandOptionType.User,
    name: `user${n}` as `user${N}`,
    name_localizations: { ko: `학습자${n}` },
    description: `Another learner to add (${n} of up to ${ADD_MAX_USERS})`,
    description_localizations: { ko: `함께 추가할 학습자 (${n}번째, 최대 ${ADD_MAX_USERS}명)` },
  } as const;
}

export const studygroupCommand = {
  name: 'studygroup',
  name_localizations: { ko: '스터디-그룹' },
  description: 'Study groups: join or leave one; instructors manage channels and members',
  description_localizations: { ko: '스터디 그룹에 참여하거나 나가요. 강사는 그룹과 멤버를 관리해요' },
  // Everyone sees the command (join, leave); the bot checks instructors on every other subcommand.
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'create',
      name_localizations: { ko: '만들기' },
      description: 'Register this (or the given) channel as a study group',
      description_localizations: { ko: '지금 채널(또는 고른 채널)을 스터디 그룹으로 등록' },
      options: [nameOption, channelOption],
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
      description: 'Add learners (up to 10) to this (or the given) channel’s study group',
      description_localizations: { ko: '지금 채널(또는 고른 채널)의 스터디 그룹에 학습자 추가 (최대 10명)' },
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
        extraUserOption(2),
        extraUserOption(3),
        extraUserOption(4),
        extraUserOption(5),
        extraUserOption(6),
        extraUserOption(7),
        extraUserOption(8),
        extraUserOption(9),
        extraUserOption(10),
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'rename',
      name_localizations: { ko: '이름변경' },
      description: 'Rename this (or the given) channel’s study group; members stay',
      description_localizations: { ko: '지금 채널(또는 고른 채널)의 스터디 그룹 이름 변경 (멤버 유지)' },
      options: [nameOption, channelOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'move',
      name_localizations: { ko: '채널이동' },
      description: 'Move this (or the given) channel’s study group to another channel; members stay',
      description_localizations: { ko: '스터디 그룹을 다른 채널로 옮겨요 (멤버와 기록 유지)' },
      options: [
        {
          ...channelOption,
          description: 'The channel the group moves to',
          description_localizations: { ko: '그룹을 옮길 채널' },
          required: true,
        },
        {
          ...channelOption,
          name: 'from',
          name_localizations: { ko: '원래채널' },
          description: 'The group’s channel now (default: this channel)',
          description_localizations: { ko: '그룹의 지금 채널 (기본: 지금 채널)' },
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'digest',
      name_localizations: { ko: '주간요약' },
      description: 'Weekly digest in the group’s channel: the day and hour to post it, or off',
      description_localizations: { ko: '그룹 채널에 올릴 주간 요약: 보낼 요일과 시각, 또는 끄기' },
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'day',
          name_localizations: { ko: '요일' },
          description: 'Day of the week (course time zone), or off',
          description_localizations: { ko: '요일 (코스 시간대 기준), 또는 끄기' },
          required: true,
          choices: digestDayChoices,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'hour',
          name_localizations: { ko: '시' },
          description: 'Hour of the day, 0–23 (course time zone)',
          description_localizations: { ko: '보낼 시각, 0~23시 (코스 시간대 기준)' },
          min_value: 0,
          max_value: 23,
        },
        channelOption,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'join',
      name_localizations: { ko: '참여' },
      description: 'Join this channel’s study group',
      description_localizations: { ko: '이 채널의 스터디 그룹에 참여해요' },
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'leave',
      name_localizations: { ko: '나가기' },
      description: 'Leave this channel’s study group (your progress stays)',
      description_localizations: { ko: '이 채널의 스터디 그룹에서 나가요 (진도는 그대로)' },
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function groupRef(call: Call, channel: ChannelArg | undefined): GroupRef {
  return { guildId: call.guildId, channelId: channel?.id ?? call.channelId };
}

function noGroup(channelId: string): UserFacingError {
  return new UserFacingError('studygroup.noGroup', { channelId });
}

export const studygroup = defineCommand({
  data: studygroupCommand,
  // Instructors manage groups; joining and leaving is every learner's (checked on the server).
  access: 'instructor',
  subcommandAccess: { join: 'everyone', leave: 'everyone' },
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
        await call.respond.send(
          renderGroupList(
            app.studyGroups
              .list(call.guildId)
              .map((group) => ({ ...group, digest: app.digests.scheduleOf(group) })),
            call.t,
          ),
        );
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
        const users = [
          args.user,
          args.user2,
          args.user3,
          args.user4,
          args.user5,
          args.user6,
          args.user7,
          args.user8,
          args.user9,
          args.user10,
        ].filter((user) => user !== undefined);
        const result = app.studyGroups.addMembers(
          ref,
          users.map((user) => ({ userId: user.id, displayName: user.displayName })),
        );
        if (result.kind === 'no-group') throw noGroup(ref.channelId);
        await call.respond.send(renderMembersAdded({ ...result, channelId: ref.channelId }, call.t));
        return;
      }
      case 'rename': {
        const ref = groupRef(call, args.channel);
        const renamed = app.studyGroups.rename(ref, args.name);
        if (renamed.kind === 'invalid-name') throw new UserFacingError('studygroup.invalidName');
        if (renamed.kind === 'no-group') throw noGroup(ref.channelId);
        await call.respond.send(
          renderGroupNotice(
            call.t('studygroup.renamed', {
              channelId: ref.channelId,
              previous: groupName({ name: renamed.previousName }),
              name: groupName(renamed.group),
              members: renamed.group.memberCount,
            }),
          ),
        );
        return;
      }
      case 'move': {
        const from = groupRef(call, args.from);
        const moved = app.studyGroups.move(from, args.channel.id);
        if (moved.kind === 'no-group') throw noGroup(from.channelId);
        if (moved.kind === 'target-taken') {
          throw new UserFacingError('studygroup.moveTargetTaken', {
            channelId: args.channel.id,
            name: groupName(moved.existing),
          });
        }
        const params = {
          name: groupName(moved.group),
          channelId: moved.group.channelId,
          fromChannelId: from.channelId,
          members: moved.group.memberCount,
        };
        await call.respond.send(
          renderGroupNotice(
            call.t(moved.kind === 'same-channel' ? 'studygroup.moveSameChannel' : 'studygroup.moved', params),
          ),
        );
        return;
      }
      case 'digest': {
        const ref = groupRef(call, args.channel);
        // Own keys only: a typed "constructor" must not find Object's.
        const day =
          args.day === 'off'
            ? 'off'
            : Object.hasOwn(digestDays, args.day)
              ? digestDays[args.day as keyof typeof digestDays]
              : undefined;
        // Choices are checked by Discord, but any client can send any string: refuse the rest.
        if (day === undefined) throw new UserFacingError('digest.invalidDay');
        if (day !== 'off' && args.hour === undefined) throw new UserFacingError('digest.hourNeeded');
        const schedule = day === 'off' ? 'off' : { day, hour: args.hour! };
        const result = app.digests.configure(ref, schedule, call.user.id);
        if (result.kind === 'no-group') throw noGroup(ref.channelId);
        const params = { name: groupName(result.group), channelId: result.group.channelId };
        const answer =
          result.kind === 'off'
            ? call.t(result.wasOn ? 'digest.switchedOff' : 'digest.wasOff', params)
            : call.t('digest.scheduled', {
                ...params,
                schedule: scheduleText(result.schedule, call.t),
                timeZone: app.digests.timeZone,
                next: Math.floor(result.nextAt / 1000),
              });
        await call.respond.send(renderGroupNotice(answer));
        return;
      }
      case 'join': {
        const ref = groupRef(call, undefined);
        const joined = app.studyGroups.addMember(ref, {
          userId: call.user.id,
          displayName: call.user.displayName,
        });
        if (joined.kind === 'no-group')
          throw new UserFacingError('studygroup.joinNoGroup', { channelId: ref.channelId });
        const params = {
          name: groupName(joined.group),
          channelId: ref.channelId,
          members: joined.group.memberCount,
        };
        await call.respond.send(
          renderGroupNotice(
            call.t(joined.kind === 'added' ? 'studygroup.joined' : 'studygroup.alreadyJoined', params),
          ),
        );
        return;
      }
      case 'leave': {
        const ref = groupRef(call, undefined);
        const left = app.studyGroups.leave(ref, call.user.id);
        if (left.kind === 'no-group')
          throw new UserFacingError('studygroup.joinNoGroup', { channelId: ref.channelId });
        const params = { name: groupName(left.group), channelId: ref.channelId };
        await call.respond.send(
          renderGroupNotice(
            call.t(left.kind === 'left' ? 'studygroup.left' : 'studygroup.notMember', params),
          ),
        );
        return;
      }
    }
  },
});
