import { z } from 'zod';

/**
 * Shapes of what the bot sends to the fake, checked at the edge so a malformed request is
 * answered the way Discord answers it (400 / close code) instead of crashing the fake.
 */

export const gatewayFrameSchema = z.object({
  op: z.number().int(),
  d: z.unknown(),
  s: z.number().int().nullable().optional(),
  t: z.string().nullable().optional(),
});

export const identifySchema = z.object({
  token: z.string(),
  intents: z.number().int(),
  properties: z.record(z.string(), z.unknown()),
  shard: z.tuple([z.number().int(), z.number().int()]).optional(),
});

export const resumeSchema = z.object({
  token: z.string(),
  session_id: z.string(),
  seq: z.number().int().nullable(),
});

const attachmentRefSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  filename: z.string().optional(),
  description: z.string().optional(),
});

/** A message create/edit body (interaction data, webhook and channel messages). */
export const messageBodySchema = z.looseObject({
  content: z.string().max(2000).nullable().optional(),
  embeds: z.array(z.record(z.string(), z.unknown())).max(10).nullable().optional(),
  components: z.array(z.record(z.string(), z.unknown())).nullable().optional(),
  flags: z.number().int().nullable().optional(),
  attachments: z.array(attachmentRefSchema).nullable().optional(),
  allowed_mentions: z.record(z.string(), z.unknown()).nullable().optional(),
  tts: z.boolean().optional(),
  nonce: z.union([z.string().max(25), z.number().int()]).optional(),
  enforce_nonce: z.boolean().optional(),
});
export type MessageBody = z.infer<typeof messageBodySchema>;

export const callbackBodySchema = z.object({
  type: z.number().int().min(1).max(12),
  data: z.record(z.string(), z.unknown()).optional(),
});

const autocompleteChoiceSchema = z.object({
  name: z.string().min(1).max(100),
  name_localizations: z.record(z.string(), z.string()).nullable().optional(),
  value: z.union([z.string().max(100), z.number()]),
});
export const autocompleteDataSchema = z.object({ choices: z.array(autocompleteChoiceSchema).max(25) });

export const commandBodySchema = z.looseObject({
  name: z.string().regex(/^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u),
  type: z.number().int().optional(),
  description: z.string().max(100).optional(),
});
export const commandListSchema = z.array(commandBodySchema).max(100);
export type CommandBody = z.infer<typeof commandBodySchema>;
