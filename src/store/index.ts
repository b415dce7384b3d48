import type { Database } from 'better-sqlite3';
import { CourseCalendar } from '../calendar.js';
import { type Clock, systemClock } from '../clock.js';
import { CertificateRepository } from './certificates.js';
import { ClaimRepository } from './claims.js';
import { ContentLookup } from './content-lookup.js';
import { CorrectionRepository } from './corrections.js';
import { openDatabase } from './database.js';
import { DigestRepository } from './digests.js';
import { GroupRepository } from './groups.js';
import { Leaderboard } from './leaderboard.js';
import { LessonRepository } from './lessons.js';
import { type ManifestCache, sqliteManifestCache } from './manifests.js';
import { type MigrationReport, migrate } from './migrate.js';
import { MilestoneRoleRepository } from './milestone-roles.js';
import { PeriodScores } from './period-scores.js';
import type { PeriodCalendar } from './periods.js';
import { ProgressRepository } from './progress.js';
import { QuizRepository } from './quiz.js';
import { ReminderRepository } from './reminders.js';
import { Scorekeeper } from './scoring.js';
import { SeasonRepository } from './seasons.js';
import { SecretRepository } from './secrets.js';
import { SharedDigests } from './shared-digests.js';
import { Stats } from './stats.js';
import { VerificationRepository } from './verifications.js';

export interface Store {
  lessons: LessonRepository;
  progress: ProgressRepository;
  quiz: QuizRepository;
  verifications: VerificationRepository;
  claims: ClaimRepository;
  /** Instructors' corrections (confirmed first) and their audit log. */
  corrections: CorrectionRepository;
  /** Random keys made once and kept (the ownership proof key). */
  secrets: SecretRepository;
  /** The same image digest verified by two learners (instructors only). */
  sharedDigests: SharedDigests;
  groups: GroupRepository;
  /** Weekly digests of study groups: settings, runs and the week's facts. */
  digests: DigestRepository;
  /** Completion of the course and the certificates issued for it. */
  certificates: CertificateRepository;
  /** Roles that milestones earn, and the queue of grants. */
  milestoneRoles: MilestoneRoleRepository;
  leaderboard: Leaderboard;
  /** Personal inactivity reminders (/remind). */
  reminders: ReminderRepository;
  /** Seasons of a server's course (one running at a time). */
  seasons: SeasonRepository;
  /** The course's period calendar (time zone): weeks and months of the period boards. */
  calendar: PeriodCalendar;
  stats: Stats;
  manifests: ManifestCache;
  /** What start-up migration did (for the start-up log line). */
  migration: MigrationReport;
  /** The raw connection, for backups and tests. */
  db: Database;
  close(): void;
}

export interface StoreOptions {
  /** Used where the store stamps time itself (lesson sync, manifest use); events carry their own time. */
  clock?: Clock;
  /** The course calendar (time zone, default Asia/Seoul): active weeks, weeks and months of the period boards. */
  calendar?: CourseCalendar;
}

/**
 * Opens (creating if needed) the database at `path`, applies pending migrations and prepares
 * every statement once. Throws StoreError 'database-newer-than-code' for a newer schema.
 */
export function openStore(path: string, options: StoreOptions = {}): Store {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(path);
  try {
    const migration = migrate(db);
    const content = new ContentLookup(db);
    const calendar = options.calendar ?? new CourseCalendar();
    const periods = new PeriodScores(db, calendar.timeZone);
    periods.syncTimeZone();
    const scores = new Scorekeeper(db, periods, (at) => calendar.weekOf(at));
    const claims = new ClaimRepository(db);
    return {
      lessons: new LessonRepository(db, () => clock.now()),
      progress: new ProgressRepository(db, content, scores),
      quiz: new QuizRepository(db, content, scores),
      verifications: new VerificationRepository(db, content, scores),
      claims,
      corrections: new CorrectionRepository(db, scores, claims),
      secrets: new SecretRepository(db),
      sharedDigests: new SharedDigests(db),
      groups: new GroupRepository(db),
      digests: new DigestRepository(db),
      certificates: new CertificateRepository(db),
      milestoneRoles: new MilestoneRoleRepository(db),
      leaderboard: new Leaderboard(db),
      reminders: new ReminderRepository(db),
      seasons: new SeasonRepository(db),
      calendar: periods.calendar,
      stats: new Stats(db),
      manifests: sqliteManifestCache(db, { now: () => clock.now() }),
      migration,
      db,
      close: () => {
        // Lets SQLite refresh the query planner's statistics where they went stale.
        db.pragma('optimize');
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

export { type BackupResult, backupDatabase } from './backup.js';
export type {
  CourseCompletion,
  StoredCertificate,
  VerifiedImage,
} from './certificates.js';
export type { ClaimRequest, ClaimResult, HeldClaim } from './claims.js';
export type {
  ApplyResult,
  CorrectionDetails,
  CorrectionKind,
  CorrectionRecord,
  CorrectionRequest,
  LessonResetScope,
  PendingCorrection,
} from './corrections.js';
export { type CsvCell, csvCell, toCsv } from './csv.js';
export type {
  DigestSetting,
  GroupPoints,
  ScheduledDigest,
  StoppedAt,
  WeekAchievement,
} from './digests.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export type { ExportRow } from './export-rows.js';
export type {
  CreateGroupResult,
  GroupRef,
  MemberChange,
  MoveResult,
  NewMember,
  StudyGroup,
} from './groups.js';
export type { LearnerRank, RankedLearner } from './leaderboard.js';
export type { LessonChange, StoredLesson, SyncReport } from './lessons.js';
export { MANIFEST_CACHE_LIMITS, type ManifestCache, type ManifestCacheLimits } from './manifests.js';
export { latestSchemaVersion, type MigrationReport } from './migrate.js';
export {
  type DueGrant,
  type FailedGrant,
  type GrantCounts,
  type Milestone,
  type MilestoneKey,
  type MilestoneRole,
  milestones,
} from './milestone-roles.js';
export {
  addDays,
  type CalendarDate,
  dateKey,
  monthKey,
  PeriodCalendar,
  type PeriodKind,
  seasonKey,
  weekKey,
} from './periods.js';
export type {
  CompletionResult,
  LessonSummary,
  PositionUpdate,
  StepCompletion,
  StoredStreak,
} from './progress.js';
export type { AnswerResult, QuestionState, QuizAnswer, QuizScore } from './quiz.js';
export type { DueReminder, ReminderState, StoredReminder } from './reminders.js';
export { type LedgerKind, pointsTable } from './scoring.js';
export type { Season, SeasonStart } from './seasons.js';
export type { SecretName } from './secrets.js';
export type { DigestTwin, SharedDigest, SharedDigestScope } from './shared-digests.js';
export type {
  Funnel,
  FunnelStep,
  OptionCount,
  OutcomeCount,
  QuestionDistribution,
  StatsScope,
} from './stats.js';
export type { EpochMs, Learner, LearnerLessonRef, Scope } from './types.js';
export type { VerificationAttempt, VerificationInput, VerifiedResult } from './verifications.js';
