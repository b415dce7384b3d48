import type { Translate } from '../../i18n/index.js';
import type { PointsEarned } from '../../services/learner-path.js';

/**
 * What an award was worth, one line each: the step, answer or verification with the total after
 * it, then the lesson-completion bonus with the final total. Empty when nothing was earned.
 */
export function pointsLines(
  earned: PointsEarned | null | undefined,
  lessonId: string,
  t: Translate,
): string[] {
  if (!earned) return [];
  const lines = [
    t(`points.${earned.reason}`, { points: earned.points, total: earned.total - earned.lessonBonus }),
  ];
  if (earned.lessonBonus > 0)
    lines.push(t('points.lessonBonus', { lessonId, points: earned.lessonBonus, total: earned.total }));
  return lines;
}

/** The longest award a payload may have to carry (for the limit checks of lesson payloads). */
export const LONGEST_EARNED: PointsEarned = {
  reason: 'quiz-first-try',
  points: 9999,
  lessonBonus: 9999,
  total: 99_999_999,
};
