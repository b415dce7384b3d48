/** A learner is one Discord user in one server: every learner row keys on both snowflakes. */
export interface Learner {
  guildId: string;
  userId: string;
}

export interface LearnerLessonRef extends Learner {
  lessonId: string;
}

/** Epoch milliseconds, passed in by the services (they own the clock). */
export type EpochMs = number;

/** Narrows a leaderboard or statistic to a study group (by its channel) and/or one lesson. */
export interface Scope {
  guildId: string;
  /** The study group registered on this channel: only its members count. */
  groupChannelId?: string;
  /** Points earned in this lesson only, instead of the server total. */
  lessonId?: string;
  /** Points earned in one period only: a period_scores key (`w2026-11-30`, `m2026-11`, `s3`). */
  period?: string;
}
