import type { Dispatcher as HttpDispatcher } from 'undici';
import { type Clock, systemClock } from '../clock.js';
import type { Config } from '../config.js';
import { loadCourse } from '../content/index.js';
import type { Logger } from '../logger.js';
import { CourseCatalog } from '../services/catalog.js';
import { LessonFlow } from '../services/lesson-flow.js';
import { QuizFlow } from '../services/quiz-flow.js';
import { VerificationService, type VerifyObserver } from '../services/verification.js';
import { openStore, type Store, type SyncReport } from '../store/index.js';
import { createImageLookup, type ImageLookup } from '../verification/lookup.js';

/** Everything handlers share: passed explicitly, never global. */
export interface AppContext {
  config: Config;
  clock: Clock;
  logger: Logger;
  store: Store;
  catalog: CourseCatalog;
  lookup: ImageLookup;
  lessons: LessonFlow;
  quiz: QuizFlow;
  verification: VerificationService;
  /** Reads data/ again and stores it (upsert/insert per lesson); used by start-up and /course reload. */
  reloadCourse(): Promise<SyncReport>;
  close(): void;
}

export interface AppOptions {
  clock?: Clock;
  /** For tests: the HTTP dispatcher the registry client uses (request counting). */
  httpDispatcher?: HttpDispatcher;
  /** Told every /verify result (metrics). */
  onVerifyResult?: VerifyObserver;
}

/** Opens the database (running migrations), loads and stores the course, builds the registry client. */
export async function createApp(
  config: Config,
  logger: Logger,
  options: AppOptions = {},
): Promise<AppContext> {
  const clock = options.clock ?? systemClock;
  const store = openStore(config.DATABASE_PATH, { clock });
  try {
    const catalog = new CourseCatalog(store);
    const reloadCourse = async () =>
      catalog.sync(await loadCourse({ lessonsDir: config.LESSONS_DIR }), clock.now());
    const report = await reloadCourse();
    logger.info(
      {
        database: config.DATABASE_PATH,
        migration: store.migration,
        lessons: catalog.list().map((entry) => entry.lesson.id),
        added: report.added.length,
        updated: report.updated.length,
        skipped: report.skipped,
      },
      'course loaded',
    );
    const lookup = createImageLookup(config, {
      manifestCache: store.manifests,
      clock,
      logger,
      ...(options.httpDispatcher ? { dispatcher: options.httpDispatcher } : {}),
    });
    return {
      config,
      clock,
      logger,
      store,
      catalog,
      lookup,
      lessons: new LessonFlow(store, clock),
      quiz: new QuizFlow(store, clock),
      verification: new VerificationService(store, lookup, clock, options.onVerifyResult),
      reloadCourse,
      close: () => store.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
