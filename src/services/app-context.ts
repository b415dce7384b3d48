import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { SyncReport } from '../store/index.js';
import type { BoardService } from './boards.js';
import type { CourseCatalog } from './catalog.js';
import type { LearnerPath } from './learner-path.js';
import type { LessonFlow } from './lesson-flow.js';
import type { ProgressService } from './progress.js';
import type { QuizFlow } from './quiz-flow.js';
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
  studyGroups: StudyGroupService;
  /**
   * /course reload: reads and parses data/ in a worker thread, then stores it (upsert/insert per
   * lesson). All or nothing: any problem rejects with ContentError and the served course stays;
   * a worker that crashes or times out rejects with CourseReadError. Concurrent calls share one read.
   */
  reloadCourse(): Promise<SyncReport>;
  /** Stops course reads and closes the database. */
  close(): void;
}
