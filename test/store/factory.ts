import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Course, Lesson, QuizQuestion, Step, UpdateMode } from '../../src/content/model.js';
import { openStore, type Store } from '../../src/store/index.js';

export interface LessonSpec {
  id: string;
  title?: string;
  steps: string[];
  /** Question id → correct option key; every question offers A, B, C, D. */
  questions?: Record<string, string>;
  updateMode?: UpdateMode;
  /** The content version; change it to simulate an edited file. */
  hash?: string;
}

const optionKeys = ['A', 'B', 'C', 'D'];

/** A hand-built lesson: just enough content for the store, shaped exactly like the parser's output. */
export function makeLesson(spec: LessonSpec): Lesson {
  const steps: Step[] = spec.steps.map((id, index) => ({
    id,
    index,
    section: '🚀 실습',
    title: `${id} 제목`,
    blocks: [{ kind: 'paragraph', text: `${id} 본문`, line: 10 + index }],
    line: 10 + index,
  }));
  const quiz: QuizQuestion[] = Object.entries(spec.questions ?? {}).map(([id, answer], index) => ({
    id,
    number: index + 1,
    prompt: `${id} 문제`,
    context: [],
    options: optionKeys.map((key) => ({ key, text: `${key} 보기` })),
    answer,
    explanation: [{ kind: 'paragraph', text: '해설', line: 100 }],
    line: 100 + index,
  }));
  const title = spec.title ?? `강의 ${spec.id}`;
  return {
    id: spec.id,
    title,
    meta: {
      title: `${spec.id} ${title}`,
      authorNick: '테스터',
      createdAt: '2025-08-27',
      updateMode: spec.updateMode ?? 'upsert',
    },
    file: `${spec.id}.md`,
    intro: [],
    steps,
    quizTitle: quiz.length > 0 ? '🎮 연습 문제' : null,
    quizIntro: [],
    quiz,
    contentHash: spec.hash ?? `hash-${spec.id}-v1`,
  };
}

export function makeCourse(...lessons: Lesson[]): Course {
  return { entries: lessons.map((lesson) => ({ lesson, check: null })) };
}

export interface TempStore {
  store: Store;
  dir: string;
  path: string;
  /** Opens another Store on the same file (a second process's view). */
  reopen(): Store;
  cleanup(): void;
}

/** A real database file in a fresh temp folder, with the real migrations. */
export function tempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'store-test-'));
  const path = join(dir, 'bot.sqlite');
  const store = openStore(path);
  const opened: Store[] = [store];
  return {
    store,
    dir,
    path,
    reopen: () => {
      const another = openStore(path);
      opened.push(another);
      return another;
    },
    cleanup: () => {
      for (const each of opened) if (each.db.open) each.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const guildId = '100000000000000001';
export const otherGuildId = '100000000000000002';
/** A numeric snowflake-shaped user id, distinct per n. */
export const user = (n: number) => `2000000000000${String(n).padStart(5, '0')}`;

/** Removes what migration 009 (the /stats counters) added, as a database before it looked. */
export function dropStatsCounters(db: Database): void {
  const objects = db
    .prepare<[], { type: string; name: string }>(
      "SELECT type, name FROM sqlite_master WHERE name LIKE 'stats\\_%' ESCAPE '\\' AND type IN ('trigger', 'table')",
    )
    .all();
  // Triggers first: each belongs to a history table and writes a counter table.
  for (const type of ['trigger', 'table']) {
    for (const object of objects.filter((row) => row.type === type)) db.exec(`DROP ${type} ${object.name}`);
  }
  db.exec('DROP INDEX quiz_attempts_by_learner');
}
