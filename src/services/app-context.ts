import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { SyncReport } from '../store/index.js';
import type { BoardService } from './boards.js';
import type { CourseCatalog } from './catalog.js';
import type { CertificateService } from './certificates.js';
import type { CorrectionService } from './corrections.js';
import type { DigestService } from './digests.js';
import type { LearnerPath } from './learner-path.js';
import type { LessonFlow } from './lesson-flow.js';
import type { MilestoneRoleService } from './milestone-roles.js';
import type { ProgressService } from './progress.js';
import type { QuizFlow } from './quiz-flow.js';
import type { ReminderService } from './reminders.js';
import type { StudyGroupService } from './study-groups.js';
import type { VerificationService } from './verification/verification-service.js';

/**
 * What every handler gets, explicitly, never as a global: the services (which own the clock and
 * the rules), the configuration, the clock and the logger. Not the database: handlers go through
 * the services. Built by the composition root (src/app/context.ts).
 */
export interface AppContext {
  config: Config;
  clock: Clock;
  logger: Logger;
  /** The course as served: lessons in order, with their /verify checks. */
  catalog: CourseCatalog;
  lessons: LessonFlow;
  /** Points told with their totals, and what comes next after a quiz, a verification or the course. */
  path: LearnerPath;
  quiz: QuizFlow;
  verification: VerificationService;
  progress: ProgressService;
  boards: BoardService;
  /** Instructors' corrections with confirmation, and their audit log. */
  corrections: CorrectionService;
  studyGroups: StudyGroupService;
  /** Weekly digests of study groups (settings, what is due, what a digest says). */
  digests: DigestService;
  /** Personal inactivity reminders (/remind). */
  reminders: ReminderService;
  /** Completion certificates: issuing them and checking their codes. */
  certificates: CertificateService;
  /** Roles for milestones: mappings, their set-up check and the queue of grants. */
  milestoneRoles: MilestoneRoleService;
  /**
   * /course reload: reads and parses data/ in a worker thread, then stores it (upsert/insert per
   * lesson). All or nothing: any problem rejects with ContentError and the served course stays;
   * a worker that crashes or times out rejects with CourseReadError. Concurrent calls share one read.
   */
  reloadCourse(): Promise<SyncReport>;
  /** Stops course reads and closes the database. */
  close(): void;
}

/**
 * Store types that the services' answers are made of, for the layers that may not import the
 * store (interactions, commands): see docs/architecture.md.
 */
export type { Learner, SyncReport } from '../store/index.js';
