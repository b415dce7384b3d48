import type { APIRole } from 'discord-api-types/v10';
import {
  type GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
} from 'discord-api-types/v10';
import { botUser, GUILD_ID, guildOwner, guildTextChannels, memberShape } from './fixtures.js';

export const GUILD_NAME = '도커 스터디';

/**
 * The GUILD_CREATE Discord sends after READY: complete enough that discord.js caches the
 * guild, its channels and roles, and marks the client ready without waiting 15 s.
 */
export function guildCreatePayload(
  joinedAt: string,
  roles: APIRole[],
  botRoleIds: string[],
): GatewayGuildCreateDispatchData {
  return {
    id: GUILD_ID,
    name: GUILD_NAME,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guildOwner.user.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.Korean,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    max_members: 500_000,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 5,
    voice_states: [],
    // With only the Guilds intent Discord sends just the bot's own member.
    members: [
      { user: botUser, ...memberShape({ user: botUser, roles: botRoleIds, permissions: 0n }, joinedAt) },
    ],
    channels: guildTextChannels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
