import type { Translate } from '../../i18n/index.js';
import type { DigestTwin, SharedDigest } from '../../store/index.js';
import { fitLines } from '../fit-lines.js';

/** Room for the possible-copies list in a message that also carries another list. */
export const sharedDigestBudget = 900;

/** Learners named per digest before "외 N명". */
const learnersPerDigest = 5;

/** `sha256:0a1b2c3d4e5f…`: enough to tell images apart at a glance. */
export function shortDigest(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}

const mention = (userId: string) => `<@${userId}>`;

/**
 * `/progress user:` for instructors: who else verified an image with the same digest as this
 * learner, in which lesson. Empty when nobody did.
 */
export function digestTwinsSection(twins: readonly DigestTwin[], t: Translate): string {
  if (twins.length === 0) return '';
  const lines = twins.map((twin) =>
    t('copies.twin', {
      user: mention(twin.userId),
      lessonId: twin.lessonId,
      digest: shortDigest(twin.digest),
    }),
  );
  const list = fitLines(lines, '\n', (count) => t('copies.moreTwins', { count }), sharedDigestBudget);
  return `${t('copies.twinsHeader')}\n${list}`;
}

/** `/stats`: how many digests of the lesson more than one learner verified, and by whom (first one first). */
export function sharedDigestsSection(shared: readonly SharedDigest[], t: Translate): string {
  if (shared.length === 0) return t('copies.noneShared');
  const learners = new Set(shared.flatMap((entry) => entry.learners.map((learner) => learner.userId)));
  const lines = shared.map((entry) => {
    const named = entry.learners.slice(0, learnersPerDigest).map((learner) => mention(learner.userId));
    const rest = entry.learners.length - named.length;
    return t('copies.shared', {
      digest: shortDigest(entry.digest),
      count: entry.learners.length,
      learners:
        rest > 0 ? `${named.join(', ')} ${t('copies.moreLearners', { count: rest })}` : named.join(', '),
    });
  });
  const list = fitLines(lines, '\n', (count) => t('lists.more', { count }), sharedDigestBudget);
  return `${t('copies.sharedHeader', { digests: shared.length, learners: learners.size })}\n${list}`;
}
