import type { Dispatcher as HttpDispatcher } from 'undici';
import { CourseCalendar } from '../calendar.js';
import { type Clock, systemClock } from '../clock.js';
import type { Config } from '../config.js';
import {
  ContentError,
  type CourseReading,
  courseOf,
  DEFAULT_OFF_THREAD_OPTIONS,
  formatProblem,
  type OffThreadOptions,
  readCourse,
  stopCourseReads,
} from '../content/index.js';
import type { Logger } from '../logger.js';
import type { BreakerSettings } from '../registry/circuit-breaker.js';
import type { AppContext } from '../services/app-context.js';
import { BoardService } from '../services/boards.js';
import { CourseCatalog } from '../services/catalog.js';
import { CertificateService } from '../services/certificates.js';
import { CorrectionService } from '../services/corrections.js';
import { DigestService } from '../services/digests.js';
import { LearnerPath } from '../services/learner-path.js';
import { LessonFlow } from '../services/lesson-flow.js';
import { MilestoneRoleService } from '../services/milestone-roles.js';
import { ProgressService } from '../services/progress.js';
import { QuizFlow } from '../services/quiz-flow.js';
import { ReminderService } from '../services/reminders.js';
import { StudyGroupService } from '../services/study-groups.js';
import { createImageLookup } from '../services/verification/image-lookup.js';
import { VerificationService, type VerifyObserver } from '../services/verification/verification-service.js';
import { openStore, type Store } from '../store/index.js';
import { lessonRules, readCourseInWorker } from './course-reading.js';

export type { AppContext } from '../services/app-context.js';

const stores = new WeakMap<AppContext, Store>();

/**
 * The database under an app, for the composition root (health probes, start-up log) and tests
 * that read rows themselves. Handlers never get it: AppContext offers services only.
 */
export function storeOf(app: AppContext): Store {
  const store = stores.get(app);
  if (!store) throw new Error('not an app made by createApp');
  return store;
}

export interface AppOptions {
  clock?: Clock;
  /** For tests: the HTTP dispatcher the registry client uses (request counting). */
  httpDispatcher?: HttpDispatcher;
  /** Told every /verify result (metrics). */
  onVerifyResult?: VerifyObserver;
  /** For tests: the course-reading worker's timeout and heap limit. */
  courseReads?: Partial<OffThreadOptions>;
  /** For tests and benchmarks: the Docker Hub circuit breaker's thresholds and the lookup queue's bound. */
  verifyLimits?: { breaker?: Partial<BreakerSettings>; maxQueued?: number };
}

/** Opens the database (running migrations), loads and stores the course, builds the registry client. */
export async function createApp(
  config: Config,
  logger: Logger,
  options: AppOptions = {},
): Promise<AppContext> {
  const clock = options.clock ?? systemClock;
  const calendar = new CourseCalendar(config.COURSE_TIME_ZONE);
  const store = openStore(config.DATABASE_PATH, { clock, calendar });
  try {
    const catalog = new CourseCatalog(store);
    startCourse(catalog, await readCourse({ lessonsDir: config.LESSONS_DIR, rules: lessonRules }), {
      clock,
      logger,
      config,
      store,
    });
    const reloadCourse = coalesce(async () => {
      const reading = await readCourseInWorker(
        { lessonsDir: config.LESSONS_DIR },
        { ...DEFAULT_OFF_THREAD_OPTIONS, ...options.courseReads },
      );
      if (reading.problems.length > 0) throw new ContentError(reading.problems);
      return catalog.sync(courseOf(reading), clock.now());
    });
    const lookup = createImageLookup(config, {
      manifestCache: store.manifests,
      clock,
      logger,
      ...(options.httpDispatcher ? { dispatcher: options.httpDispatcher } : {}),
      ...options.verifyLimits,
    });
    const lessons = new LessonFlow(store, clock);
    const app: AppContext = {
      config,
      clock,
      logger,
      catalog,
      lessons,
      path: new LearnerPath(store, catalog, lessons),
      quiz: new QuizFlow(store, clock),
      verification: new VerificationService(store, lookup, clock, options.onVerifyResult),
      progress: new ProgressService(store, clock, calendar),
      boards: new BoardService(store, clock),
      corrections: new CorrectionService(store, clock),
      studyGroups: new StudyGroupService(store, clock),
      digests: new DigestService(store, clock, calendar),
      reminders: new ReminderService(store, clock),
      certificates: new CertificateService(store, clock),
      milestoneRoles: new MilestoneRoleService(store, clock),
      reloadCourse,
      close: () => {
        void stopCourseReads();
        store.close();
      },
    };
    stores.set(app, store);
    return app;
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Start-up serves what it can: each problem is logged as "file:line: message", a malformed
 * lesson keeps its stored version, a malformed course.yaml keeps the stored order and checks.
 * Only when nothing at all can be served does start-up fail, with every problem.
 */
function startCourse(
  catalog: CourseCatalog,
  reading: CourseReading,
  { clock, logger, config, store }: Pick<AppContext, 'clock' | 'logger' | 'config'> & { store: Store },
): void {
  const report = catalog.startUp(reading, clock.now());
  for (const problem of reading.problems) {
    logger.warn({ file: problem.file, line: problem.line, problem: problem.key }, formatProblem(problem));
  }
  if (catalog.list().length === 0 && reading.problems.length > 0) throw new ContentError(reading.problems);
  logger.info(
    {
      database: config.DATABASE_PATH,
      migration: store.migration,
      lessons: catalog.list().map((entry) => entry.lesson.id),
      added: report.sync.added.length,
      updated: report.sync.updated.length,
      skipped: report.sync.skipped,
      problems: reading.problems.length,
      keptStored: report.keptStored,
      notServed: report.notServed,
      keptCourseOrder: report.keptCourseOrder,
    },
    reading.problems.length > 0 ? 'course loaded with problems' : 'course loaded',
  );
}

/** While one call runs, further calls get its result instead of starting another. */
function coalesce<T>(run: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
}
