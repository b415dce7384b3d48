import { type Client, Events } from 'discord.js';
import { InteractionType } from 'discord-api-types/v10';
import { z } from 'zod';
import type { Logger } from '../logger.js';

/**
 * What discord.js 14 reads without a check while it builds an interaction from an
 * INTERACTION_CREATE packet (BaseInteraction, CommandInteraction, MessageComponentInteraction,
 * the option resolver). Anything missing here makes it throw inside its gateway handler, where
 * no handler of ours can catch it. Unknown fields are allowed: this checks shape, not content.
 */
const userShape = z.object({ id: z.string() });

const leafOption = z.object({ name: z.string(), type: z.number() });
// Discord nests options at most three deep: a group, its subcommands, their options.
const subcommandOption = leafOption.extend({ options: z.array(leafOption).optional() });
const groupOption = leafOption.extend({ options: z.array(subcommandOption).optional() });

const commandData = z.object({
  id: z.string(),
  name: z.string(),
  type: z.number(),
  options: z.array(groupOption).optional(),
});

const interactionBase = z
  .object({
    id: z.string(),
    token: z.string(),
    type: z.number(),
    application_id: z.string(),
    entitlements: z.array(z.unknown()),
    user: userShape.optional(),
    member: z.object({ user: userShape }).optional(),
  })
  .refine((packet) => packet.user !== undefined || packet.member !== undefined, {
    message: 'neither user nor member.user',
    path: ['user'],
  });

const byType: Partial<Record<number, z.ZodType>> = {
  [InteractionType.ApplicationCommand]: z.object({ data: commandData }),
  [InteractionType.ApplicationCommandAutocomplete]: z.object({ data: commandData }),
  [InteractionType.MessageComponent]: z.object({
    data: z.object({ custom_id: z.string(), component_type: z.number() }),
    message: z.object({ id: z.string(), channel_id: z.string() }),
  }),
  [InteractionType.ModalSubmit]: z.object({ data: z.object({ custom_id: z.string() }) }),
};

/** Why discord.js could not build this interaction (field paths), or null when it can. */
export function interactionPacketProblem(payload: unknown): string | null {
  const base = interactionBase.safeParse(payload);
  if (!base.success) return describeIssues(base.error);
  const typed = byType[base.data.type]?.safeParse(payload);
  return typed && !typed.success ? describeIssues(typed.error) : null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(packet)'}: ${issue.message}`)
    .join('; ');
}

/** A dispatch name discord.js has no handler for: the packet goes no further. */
const SKIPPED_EVENT = 'DSB_MALFORMED_PACKET_SKIPPED';

type RawPacket = { t?: unknown; d?: unknown };
type PacketHandler = (packet: RawPacket | undefined, shard: unknown) => boolean;

function interactionIdOf(data: unknown): string | undefined {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Keeps a malformed gateway packet from killing the process. First line: every
 * INTERACTION_CREATE is checked on the client's `raw` event, which discord.js emits with the very
 * packet object it then hands to its handler; a malformed one is logged and renamed so that no
 * handler runs. Second line, for whatever else a discord.js packet handler may throw on: its
 * packet entry point (`ws.handlePacket`, internal in 14.x) is wrapped so a throw is logged and
 * that packet skipped, never an uncaught exception.
 */
export function guardGatewayPackets(client: Client, logger: Logger): void {
  client.on(Events.Raw, (packet: RawPacket) => {
    if (packet.t !== 'INTERACTION_CREATE') return;
    const problem = interactionPacketProblem(packet.d);
    if (problem === null) return;
    logger.warn(
      { event: packet.t, interactionId: interactionIdOf(packet.d), problem },
      'malformed gateway packet skipped',
    );
    packet.t = SKIPPED_EVENT;
  });

  const ws = client.ws as unknown as { handlePacket?: PacketHandler };
  const handlePacket = ws.handlePacket;
  if (typeof handlePacket !== 'function') {
    logger.warn('discord.js has no ws.handlePacket: gateway packet handlers run unguarded');
    return;
  }
  ws.handlePacket = function guardedHandlePacket(packet, shard) {
    try {
      return handlePacket.call(this, packet, shard);
    } catch (error) {
      logger.error(
        { err: error, event: packet?.t, interactionId: interactionIdOf(packet?.d) },
        'gateway packet handler failed; packet skipped',
      );
      return true;
    }
  };
}
