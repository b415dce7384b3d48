import type { CourseCalendar } from '../calendar.js';
import type { Clock } from '../clock.js';
import type { DigestTwin, HeldClaim, Learner, LearnerRank, LessonSummary, Store } from '../store/index.js';

/** Who asks to see progress: a learner of a server, who may be an instructor there. */
export interface Viewer extends Learner {
  isInstructor: boolean;
}

/** A learner's progress as the viewer may see it. */
export interface ProgressReport {
  summaries: LessonSummary[];
  rank: LearnerRank | null;
  /** The Docker ID the learner proved, if any. */
  claim: HeldClaim | null;
  /** Instructors only: other learners who verified an image with the same digest; else empty. */
  digestTwins: DigestTwin[];
  /** An instructor looking at another learner may release that learner's Docker ID. */
  mayReleaseClaim: boolean;
  streak: Streak;
}

/**
 * Consecutive weeks (course time zone) with at least one learning event, up to this week or the
 * last one: a streak is not broken until a whole week passed without learning.
 */
export interface Streak {
  weeks: number;
  /** This week already counts; false: learning this week makes it `weeks + 1`. */
  activeThisWeek: boolean;
}

export type ProgressLookup = { kind: 'shown'; report: ProgressReport } | { kind: 'not-allowed' };

/** Learners' progress: per-lesson summaries, points and rank, and who may see whose. */
export class ProgressService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly calendar: CourseCalendar,
  ) {}

  /** The learner's streak of active weeks as of now. */
  streak(learner: Learner): Streak {
    const stored = this.store.progress.streak(learner);
    const thisWeek = this.calendar.weekOf(this.clock.now());
    if (stored.activeWeek === null || stored.activeWeek < thisWeek - 1)
      return { weeks: 0, activeThisWeek: false };
    return { weeks: stored.weeks, activeThisWeek: stored.activeWeek >= thisWeek };
  }

  /** The learner's own summary of every lesson they touched. */
  summaries(learner: Learner): LessonSummary[] {
    return this.store.progress.summary(learner);
  }

  /**
   * A learner's progress for `viewer`: everyone sees their own; another learner's is for the
   * server's instructors only, and so is who shares an image digest with whom (a digest is the
   * proof of the work).
   */
  reportFor(viewer: Viewer, learnerId: string): ProgressLookup {
    const own = learnerId === viewer.userId;
    if (!own && !viewer.isInstructor) return { kind: 'not-allowed' };
    const learner: Learner = { guildId: viewer.guildId, userId: learnerId };
    return {
      kind: 'shown',
      report: {
        summaries: this.store.progress.summary(learner),
        rank: this.store.leaderboard.rank(learner),
        claim: this.store.claims.held(learner),
        digestTwins: viewer.isInstructor ? this.store.sharedDigests.forLearner(learner) : [],
        mayReleaseClaim: viewer.isInstructor && !own,
        streak: this.streak(learner),
      },
    };
  }
}
