import type { CourseReading } from '../content/course.js';
import type { Course, CourseEntry, Lesson, LessonCheck } from '../content/model.js';
import { shortVersion } from '../content/source.js';
import type { Store, SyncReport } from '../store/index.js';

export interface CatalogEntry {
  lesson: Lesson;
  check: LessonCheck | null;
}

/** What start-up served where the content folder had problems. */
export interface StartUpReport {
  sync: SyncReport;
  /** Lessons served as last stored because their file has problems (lesson ids). */
  keptStored: string[];
  /** Lesson files with problems and no stored version to serve instead (file names). */
  notServed: string[];
  /** course.yaml has problems: the stored course order and checks stay. */
  keptCourseOrder: boolean;
}

export type VersionLookup =
  | { kind: 'current'; entry: CatalogEntry }
  /** The course no longer serves the lesson. */
  | { kind: 'retired' }
  /** The lesson's content changed since. */
  | { kind: 'changed' };

/** Autocomplete answers at most 25 choices. */
const maxChoices = 25;

/**
 * The lessons learners see: the course order and checks from course.yaml, the content as the
 * store keeps it (an `insert` lesson keeps its first stored text). Rebuilt on start and reload.
 */
export class CourseCatalog {
  private entries: CatalogEntry[] = [];

  constructor(private readonly store: Store) {}

  /** Stores the course (upsert/insert per lesson, with its checks) and serves what the store then holds. */
  sync(course: Course, at: number): SyncReport {
    const report = this.store.lessons.sync(course, at);
    this.entries = this.store.lessons.list().map(({ lesson, check }) => ({ lesson, check }));
    return report;
  }

  /**
   * Start-up from whatever the content folder holds: good lessons load and update; a lesson
   * whose file has problems keeps being served as last stored; when course.yaml has problems the
   * stored order and checks stay (good lessons already in the course still update).
   */
  startUp(reading: CourseReading, at: number): StartUpReport {
    const keptStored: string[] = [];
    const notServed: string[] = [];
    const entries: CourseEntry[] = [];
    const fresh = new Map(reading.lessons.map((lesson) => [lesson.id, lesson]));
    if (reading.order) {
      const byFile = new Map(reading.lessons.map((lesson) => [lesson.file, lesson]));
      for (const { file, check } of reading.order) {
        const lesson = byFile.get(file) ?? this.store.lessons.findByFile(file)?.lesson;
        if (!lesson) notServed.push(file);
        else {
          if (!byFile.has(file)) keptStored.push(lesson.id);
          entries.push({ lesson, check });
        }
      }
    } else {
      const failed = new Set(reading.failedFiles);
      for (const { lesson: stored, check } of this.store.lessons.list()) {
        const lesson = fresh.get(stored.id);
        if (!lesson && failed.has(stored.file)) keptStored.push(stored.id);
        entries.push({ lesson: lesson ?? stored, check });
      }
      const placed = new Set(entries.map((entry) => entry.lesson.id));
      for (const lesson of reading.lessons) if (!placed.has(lesson.id)) notServed.push(lesson.file);
    }
    const sync = this.sync({ entries: firstOfEachId(entries) }, at);
    return { sync, keptStored, notServed, keptCourseOrder: reading.order === null };
  }

  list(): readonly CatalogEntry[] {
    return this.entries;
  }

  /** A lesson of the current course; old buttons may still name a retired one, which is not served. */
  find(lessonId: string): CatalogEntry | undefined {
    return this.entries.find((entry) => entry.lesson.id === lessonId);
  }

  /**
   * The lesson a button was made for, if the course still serves it with the same content
   * (`version`: the short content version the button carries). A changed lesson may have other
   * pages and questions, so its old buttons must not act on it.
   */
  findVersion(lessonId: string, version: string): VersionLookup {
    const entry = this.find(lessonId);
    if (!entry) return { kind: 'retired' };
    return shortVersion(entry.lesson.contentHash) === version
      ? { kind: 'current', entry }
      : { kind: 'changed' };
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

/** One entry per lesson id (a stored fallback and a fresh copy of it under another file name). */
function firstOfEachId(entries: readonly CourseEntry[]): CourseEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (seen.has(entry.lesson.id)) return false;
    seen.add(entry.lesson.id);
    return true;
  });
}
