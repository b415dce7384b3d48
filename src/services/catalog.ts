import type { Course, Lesson, LessonCheck } from '../content/model.js';
import type { Store, SyncReport } from '../store/index.js';

export interface CatalogEntry {
  lesson: Lesson;
  check: LessonCheck | null;
}

/** Autocomplete answers at most 25 choices. */
const maxChoices = 25;

/**
 * The lessons learners see: the course order and checks from course.yaml, the content as the
 * store keeps it (an `insert` lesson keeps its first stored text). Rebuilt on start and reload.
 */
export class CourseCatalog {
  private entries: CatalogEntry[] = [];

  constructor(private readonly store: Store) {}

  /** Stores the course (upsert/insert per lesson) and serves what the store then holds. */
  sync(course: Course, at: number): SyncReport {
    const report = this.store.lessons.sync(course, at);
    const checks = new Map(course.entries.map((entry) => [entry.lesson.id, entry.check]));
    this.entries = this.store.lessons
      .list()
      .map(({ lesson }) => ({ lesson, check: checks.get(lesson.id) ?? null }));
    return report;
  }

  list(): readonly CatalogEntry[] {
    return this.entries;
  }

  /** A lesson of the current course; old buttons may still name a retired one, which is not served. */
  find(lessonId: string): CatalogEntry | undefined {
    return this.entries.find((entry) => entry.lesson.id === lessonId);
  }

  /**
   * Resolves what a learner typed: an id ("5.2"), an autocomplete value, or a unique part of a
   * title ("도커 허브").
   */
  resolve(query: string): CatalogEntry | undefined {
    const wanted = query.trim();
    const exact = this.find(wanted);
    if (exact) return exact;
    const matches = this.search(wanted);
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** Lessons whose id or title contains the query (case-insensitive, Korean included). */
  search(query: string): CatalogEntry[] {
    const needle = query.trim().toLowerCase();
    return this.entries
      .filter(({ lesson }) => needle === '' || `${lesson.id} ${lesson.title}`.toLowerCase().includes(needle))
      .slice(0, maxChoices);
  }
}
