import { type CourseCalendar, DAY_MS, type DayOfWeek, WEEK_MS } from '../calendar.js';
import type { Clock } from '../clock.js';
import type { GroupRef, ScheduledDigest, StoppedAt, Store, StudyGroup } from '../store/index.js';

/**
 * How long after claiming a slot a restart may send it again. Discord de-duplicates a message
 * with the same nonce (`enforce_nonce`) for a few minutes; within this window a crash between
 * sending and storing is healed by sending again with the same nonce (Discord returns the first
 * message instead of a second). Past it, the slot is given up: a digest is never sent twice.
 */
export const RESEND_WINDOW_MS = 2 * 60_000;

/** Members without any activity for this long are counted as inactive in the digest. */
export const INACTIVE_AFTER_MS = 7 * DAY_MS;

export type DigestSchedule = { day: DayOfWeek; hour: number };

export type ConfigureDigest =
  | { kind: 'scheduled'; group: StudyGroup; schedule: DigestSchedule; nextAt: number }
  | { kind: 'off'; group: StudyGroup; wasOn: boolean }
  | { kind: 'no-group' };

/** What a digest run does with an enabled digest now. */
export type DueDigest =
  /** A new slot passed: claim it and send. */
  | { action: 'send'; digest: ScheduledDigest; slot: number }
  /** This slot was claimed and not confirmed a moment ago (a crash): send again, same nonce. */
  | { action: 'resend'; digest: ScheduledDigest; slot: number }
  /** Claimed and not confirmed too long ago: Discord may hold it already, so give it up. */
  | { action: 'abandon'; digest: ScheduledDigest; slot: number };

/** One learner's week: the lessons they completed and verified in the period. */
export interface LearnerWeek {
  userId: string;
  displayName: string | null;
  completed: { lessonId: string; title: string }[];
  verified: { lessonId: string; title: string }[];
}

export interface GroupRank {
  /** 1 = most points this week; groups with equal points share a rank. */
  rank: number;
  outOf: number;
  points: number;
}

/** Everything a weekly digest shows: facts only, counted for the period [from, to). */
export interface WeeklyDigest {
  groupName: string;
  from: number;
  to: number;
  learners: LearnerWeek[];
  stoppedAt: StoppedAt | null;
  rank: GroupRank;
  inactive: number;
  members: number;
  schedule: DigestSchedule;
  timeZone: string;
}

/** Weekly digests of study groups: the instructor's setting, what is due, and what a digest says. */
export class DigestService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly calendar: CourseCalendar,
  ) {}

  get timeZone(): string {
    return this.calendar.timeZone;
  }

  /** Switches a group's digest on at a day and hour (course time zone), or off. */
  configure(ref: GroupRef, schedule: DigestSchedule | 'off', by: string): ConfigureDigest {
    const group = this.store.groups.get(ref);
    if (!group) return { kind: 'no-group' };
    const at = this.clock.now();
    if (schedule === 'off') {
      return { kind: 'off', group, wasOn: this.store.digests.switchOff({ groupId: group.groupId, by, at }) };
    }
    const covered = this.calendar.latestSlot(at, schedule.day, schedule.hour);
    this.store.digests.schedule({ groupId: group.groupId, ...schedule, coveredSlot: covered, by, at });
    return { kind: 'scheduled', group, schedule, nextAt: this.nextSlot(covered, schedule) };
  }

  /** The group's schedule, or null when its digest is off. */
  scheduleOf(group: StudyGroup): DigestSchedule | null {
    const setting = this.store.digests.setting(group.groupId);
    return setting?.enabled ? { day: setting.dayOfWeek as DayOfWeek, hour: setting.hour } : null;
  }

  /** Every enabled digest whose latest slot is not handled yet. */
  due(): DueDigest[] {
    const now = this.clock.now();
    const due: DueDigest[] = [];
    for (const digest of this.store.digests.scheduled()) {
      const slot = this.calendar.latestSlot(now, digest.dayOfWeek as DayOfWeek, digest.hour);
      if (
        digest.sendingSlot !== null &&
        digest.sendingSlot >= slot &&
        digest.sendingSlot > digest.coveredSlot
      ) {
        const fresh = now - (digest.sendingSince ?? 0) <= RESEND_WINDOW_MS;
        due.push({ action: fresh ? 'resend' : 'abandon', digest, slot: digest.sendingSlot });
      } else if (slot > digest.coveredSlot) {
        due.push({ action: 'send', digest, slot });
      }
    }
    return due;
  }

  /** Marks the slot as being sent (stored before sending). False: another run has it. */
  claim(digest: ScheduledDigest, slot: number): boolean {
    return this.store.digests.claim(digest.groupId, slot, this.clock.now());
  }

  /** Records how the slot ended; `sent` with Discord's message id. */
  finish(
    digest: ScheduledDigest,
    slot: number,
    outcome: 'sent' | 'failed' | 'abandoned',
    messageId?: string,
  ): void {
    this.store.digests.finish(digest.groupId, slot, outcome, messageId ?? null);
  }

  /** The nonce Discord uses to refuse a second copy of this slot's digest (at most 25 characters). */
  nonceOf(digest: ScheduledDigest, slot: number): string {
    return `dg${digest.groupId.toString(36)}.${Math.floor(slot / 60_000).toString(36)}`;
  }

  /** The digest of the week that ended at `slot`. */
  compose(digest: ScheduledDigest, slot: number): WeeklyDigest | null {
    const group = this.store.groups.get({ guildId: digest.guildId, channelId: digest.channelId });
    if (!group) return null;
    const from = slot - WEEK_MS;
    const learners = new Map<string, LearnerWeek>();
    for (const row of this.store.digests.achievements({ groupId: group.groupId, from, to: slot })) {
      let week = learners.get(row.userId);
      if (!week) {
        week = { userId: row.userId, displayName: row.displayName, completed: [], verified: [] };
        learners.set(row.userId, week);
      }
      const lesson = { lessonId: row.lessonId, title: row.lessonTitle };
      if (row.completed) week.completed.push(lesson);
      if (row.verified) week.verified.push(lesson);
    }
    return {
      groupName: group.name,
      from,
      to: slot,
      learners: [...learners.values()],
      stoppedAt: this.store.digests.stoppedAt(group.groupId),
      rank: this.groupRank(group, from, slot),
      inactive: this.store.digests.inactiveMembers(group.groupId, slot - INACTIVE_AFTER_MS),
      members: group.memberCount,
      schedule: { day: digest.dayOfWeek as DayOfWeek, hour: digest.hour },
      timeZone: this.calendar.timeZone,
    };
  }

  /**
   * The group's place among the server's groups by the points of the course week that holds most
   * of the digest's seven days [from, to) (a Monday digest ranks the week just ended): its members'
   * points on that week's `/leaderboard period:week`, read from the period scores.
   */
  groupRank(group: StudyGroup, from: number, to: number): GroupRank {
    const week = this.store.calendar.keysOf(from + (to - from) / 2).week;
    const all = this.store.digests.groupPoints(group.guildId, week);
    const points = all.find((entry) => entry.groupId === group.groupId)?.points ?? 0;
    return { rank: 1 + all.filter((entry) => entry.points > points).length, outOf: all.length, points };
  }

  private nextSlot(covered: number, schedule: DigestSchedule): number {
    // The slot after `covered`: a week later, found in local time (robust to daylight saving).
    return this.calendar.latestSlot(covered + WEEK_MS + 12 * 3_600_000, schedule.day, schedule.hour);
  }
}
