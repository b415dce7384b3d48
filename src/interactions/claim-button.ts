import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { snowflakeSchema } from '../input-rules.js';
import { MAX_CUSTOM_ID_LENGTH } from '../ui/buttons/lesson-buttons.js';
import { escapeUserText } from '../ui/escape.js';
import { noticeMessage } from '../ui/message.js';
import type { ButtonDecoding, ButtonModule } from './dispatcher.js';
import { UserFacingError } from './errors.js';

/**
 * The instructor's "release this learner's Docker ID" button on /progress. Wire format
 * `claim:release:<learner>:<instructor>`; the instructor who opened the page owns the button.
 */
export const claimButtonPrefix = 'claim:';

const claimPressSchema = z.object({
  kind: z.literal('release-claim'),
  learnerId: snowflakeSchema,
  ownerId: snowflakeSchema,
});

export type ClaimPress = z.output<typeof claimPressSchema>;

export function encodeClaimButton(press: Omit<ClaimPress, 'kind'>): string {
  return `${claimButtonPrefix}release:${press.learnerId}:${press.ownerId}`;
}

export function decodeClaimButton(raw: string): ButtonDecoding<ClaimPress> {
  if (raw.length > MAX_CUSTOM_ID_LENGTH)
    return { ok: false, refusal: new UserFacingError('button.malformed') };
  const [prefix, action, learnerId, ownerId, ...extra] = raw.split(':');
  const parsed = claimPressSchema.safeParse({ kind: 'release-claim', learnerId, ownerId });
  if (`${prefix}:` !== claimButtonPrefix || action !== 'release' || extra.length > 0 || !parsed.success) {
    return { ok: false, refusal: new UserFacingError('button.malformed') };
  }
  return { ok: true, press: parsed.data };
}

/** Frees the learner's Docker ID in this server so another learner (or they again) can verify with it. */
export const claimButtons: ButtonModule<AppContext, ClaimPress> = {
  kinds: ['release-claim'],
  // Buttons carry no permission of their own: the dispatcher checks the presser is an instructor.
  access: 'instructor',
  async handle(app, call, press) {
    const dockerId = app.store.claims.get({ guildId: call.guildId, userId: press.learnerId });
    if (!dockerId) throw new UserFacingError('claims.nothingToRelease');
    app.verification.release(call.guildId, dockerId);
    app.logger.info(
      { guild: call.guildId, learner: press.learnerId, by: call.user.id },
      'docker id claim released',
    );
    await call.respond.notice(
      noticeMessage(
        call.t('claims.released', { dockerId: escapeUserText(dockerId, { max: 40, inCode: true }) }),
      ),
    );
  },
};
