import {
  type APIGuildMember,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  type GuildMemberFlags,
  PermissionFlagsBits,
  type RoleFlags,
  type UserFlags,
} from 'discord-api-types/v10';

/**
 * The people and places of the fake server. Ids are fixed numeric snowflakes so tests can
 * name them and rows written by the bot stay comparable between runs.
 */

export const BOT_USER_ID = '1300000000000000001';
export const APPLICATION_ID = BOT_USER_ID;
export const GUILD_ID = '1300000000000000100';
/**
 * Another server the bot is installed in, for interactions from outside the home server. The
 * gateway does not announce it (no GUILD_CREATE): discord.js answers interactions from servers
 * it has not cached, as it does on Discord before a server becomes available.
 */
export const OTHER_GUILD_ID = '1300000000000000900';
export const INSTRUCTOR_ROLE_ID = '1300000000000000200';
export const LEARNER_ROLE_ID = '1300000000000000201';
/** Roles for milestones, below the bot's own role (so it may grant them). */
export const MILESTONE_ROLE_IDS = {
  verified: '1300000000000000210',
  completed: '1300000000000000211',
  course: '1300000000000000212',
} as const;
/** The bot's own role, as Discord makes it when the bot joins (managed, Manage Roles). */
export const BOT_ROLE_ID = '1300000000000000220';
/** A role above the bot's own: the bot may not grant it. */
export const STAFF_ROLE_ID = '1300000000000000230';

export const CHANNEL_IDS = {
  general: '1300000000000000300',
  studyGroupA: '1300000000000000301',
  studyGroupB: '1300000000000000302',
  announcements: '1300000000000000303',
} as const;

/** What an ordinary member may do in a text channel (what Discord computes for @everyone). */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.SendMessagesInThreads;

/** An instructor also holds Manage Server (0x20), which the bot treats as "instructor". */
export const INSTRUCTOR_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;

/** What the bot itself may do in the guild's channels (`app_permissions`). */
export const BOT_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageMessages;

/** A person the fake can put into interactions, with their guild membership. */
export interface FakeUser {
  user: APIUser;
  roles: string[];
  permissions: bigint;
}

function person(id: string, username: string, globalName: string): APIUser {
  return {
    id,
    username,
    global_name: globalName,
    discriminator: '0',
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    bot: false,
    system: false,
  };
}

export const botUser: APIUser = {
  id: BOT_USER_ID,
  username: 'docker-study-bot',
  global_name: null,
  discriminator: '0',
  avatar: null,
  bot: true,
  public_flags: 0 as UserFlags,
  flags: 0 as UserFlags,
};

export const learner: FakeUser = {
  user: person('1300000000000001001', 'learner_kim', '김학습'),
  roles: [LEARNER_ROLE_ID],
  permissions: MEMBER_PERMISSIONS,
};

export const otherLearner: FakeUser = {
  user: person('1300000000000001002', 'learner_lee', '이학습'),
  roles: [LEARNER_ROLE_ID],
  permissions: MEMBER_PERMISSIONS,
};

export const instructor: FakeUser = {
  user: person('1300000000000001003', 'instructor_park', '박강사'),
  roles: [INSTRUCTOR_ROLE_ID],
  permissions: INSTRUCTOR_PERMISSIONS,
};

export const guildOwner: FakeUser = {
  user: person('1300000000000001000', 'owner_choi', '최관리'),
  roles: [],
  permissions: INSTRUCTOR_PERMISSIONS | PermissionFlagsBits.Administrator,
};

export const fixtureUsers: readonly FakeUser[] = [learner, otherLearner, instructor, guildOwner];

/** Makes another learner with a stable id derived from `n` (for leaderboards with many people). */
export function makeLearner(n: number, username = `learner_${n}`): FakeUser {
  const id = (1_300_000_000_000_002_000n + BigInt(n)).toString();
  return { user: person(id, username, username), roles: [LEARNER_ROLE_ID], permissions: MEMBER_PERMISSIONS };
}

/** The joined-member shape Discord puts beside a user (without `user` or `permissions`). */
export function memberShape(fake: FakeUser, joinedAt: string): Omit<APIGuildMember, 'user'> {
  return {
    roles: fake.roles,
    joined_at: joinedAt,
    nick: null,
    avatar: null,
    banner: null,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** What the bot's own role allows: a member's rights plus Manage Roles (for milestone roles). */
export const BOT_ROLE_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageRoles;

export const guildRoles: APIRole[] = [
  role(GUILD_ID, '@everyone', MEMBER_PERMISSIONS, 0),
  role(LEARNER_ROLE_ID, '수강생', MEMBER_PERMISSIONS, 1),
  role(MILESTONE_ROLE_IDS.verified, '5.2 인증', 0n, 2),
  role(MILESTONE_ROLE_IDS.completed, '5.2 완료', 0n, 3),
  role(MILESTONE_ROLE_IDS.course, '도커 수료', 0n, 4),
  {
    ...role(BOT_ROLE_ID, 'docker-study-bot', BOT_ROLE_PERMISSIONS, 5),
    managed: true,
    tags: { bot_id: BOT_USER_ID },
  },
  role(STAFF_ROLE_ID, '운영진', INSTRUCTOR_PERMISSIONS, 6),
  role(INSTRUCTOR_ROLE_ID, '강사', INSTRUCTOR_PERMISSIONS, 7),
];

function role(id: string, name: string, permissions: bigint, position: number): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export const guildTextChannels: APITextChannel[] = [
  textChannel(CHANNEL_IDS.general, 'general', 0),
  textChannel(CHANNEL_IDS.studyGroupA, '스터디-1조', 1),
  textChannel(CHANNEL_IDS.studyGroupB, '스터디-2조', 2),
  textChannel(CHANNEL_IDS.announcements, '공지', 3),
];

function textChannel(id: string, name: string, position: number): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: GUILD_ID,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0 as ChannelFlags,
  };
}
