import { MessageFlags } from 'discord-api-types/v10';
import type { DayOfWeek } from '../../calendar.js';
import type { MessageKey, Translate } from '../../i18n/index.js';
import type { DigestSchedule, LearnerWeek, WeeklyDigest } from '../../services/digests.js';
import { ACCENT, clip, container, separator, text } from '../components.js';
import { escapeUserText } from '../escape.js';
import { fitLines } from '../fit-lines.js';
import { type Message, NO_MENTIONS } from '../message.js';

/** Room for the list of who did what; the other sections are a few short lines. */
const LEARNERS_BUDGET = 2_600;
const NAME_MAX = 32;
const LINE_MAX = 300;

export function dayName(day: DayOfWeek, t: Translate): string {
  return t(`digest.day${day}` as MessageKey);
}

/** "월요일 9시" / "Monday 9:00". */
export function scheduleText(schedule: DigestSchedule, t: Translate): string {
  return t('digest.schedule', { day: dayName(schedule.day, t), hour: schedule.hour });
}

function lessonList(lessons: LearnerWeek['completed']): string {
  return lessons.map((lesson) => lesson.lessonId).join(', ');
}

/** A member's name as plain text: escaped (never a mention or Markdown), or a neutral stand-in. */
function memberName(learner: LearnerWeek, t: Translate): string {
  return learner.displayName
    ? escapeUserText(learner.displayName, { max: NAME_MAX })
    : t('digest.unnamedMember');
}

function learnerLine(learner: LearnerWeek, t: Translate): string {
  const parts = [`**${memberName(learner, t)}**`];
  if (learner.completed.length > 0)
    parts.push(t('digest.completed', { lessons: lessonList(learner.completed) }));
  if (learner.verified.length > 0)
    parts.push(t('digest.verified', { lessons: lessonList(learner.verified) }));
  return clip(`- ${parts.join(' · ')}`, LINE_MAX);
}

/**
 * A study group's weekly digest, posted publicly in its channel: who completed or verified a
 * lesson (names as escaped text, no pings), where most members stopped, the group's rank and how
 * many members were inactive for 7 days (a count, never names). One message, whatever the size.
 */
export function renderDigest(digest: WeeklyDigest, t: Translate): Message {
  const learners = digest.learners.map((learner) => learnerLine(learner, t));
  const stopped = digest.stoppedAt
    ? t('digest.stoppedAt', {
        lessonId: digest.stoppedAt.lessonId,
        step: digest.stoppedAt.stepIndex + 1,
        title: clip(digest.stoppedAt.stepTitle, 80),
        members: digest.stoppedAt.members,
      })
    : t('digest.stoppedNowhere');
  const rank =
    digest.rank.points > 0
      ? t('digest.rank', { points: digest.rank.points, rank: digest.rank.rank, outOf: digest.rank.outOf })
      : t('digest.rankNoPoints', { outOf: digest.rank.outOf });
  const inactive =
    digest.inactive > 0
      ? t('digest.inactive', { count: digest.inactive, members: digest.members })
      : t('digest.allActive', { members: digest.members });
  return {
    flags: MessageFlags.IsComponentsV2,
    allowed_mentions: NO_MENTIONS,
    components: [
      container(ACCENT.lesson, [
        text(
          [
            t('digest.title', { name: escapeUserText(digest.groupName, { max: 50 }) }),
            // Discord shows timestamps in each reader's own time zone and language.
            t('digest.period', {
              from: Math.floor(digest.from / 1000),
              to: Math.floor((digest.to - 1) / 1000),
            }),
          ].join('\n'),
        ),
        separator(),
        text(
          [
            t('digest.achievementsHeader', { count: digest.learners.length }),
            learners.length > 0
              ? fitLines(learners, '\n', (count) => t('digest.moreLearners', { count }), LEARNERS_BUDGET)
              : t('digest.noAchievements'),
          ].join('\n'),
        ),
        separator(),
        text([t('digest.stoppedHeader'), stopped].join('\n')),
        separator(),
        text([t('digest.rankHeader'), rank, inactive].join('\n')),
        text(t('digest.footer', { schedule: scheduleText(digest.schedule, t), timeZone: digest.timeZone })),
      ]),
    ],
  };
}
