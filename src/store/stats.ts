import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';

/** A lesson's statistics in a server, optionally only a study group's members. */
export interface StatsScope {
  guildId: string;
  lessonId: string;
  groupChannelId?: string;
}

export interface FunnelStep {
  stepId: string;
  title: string;
  /** Learners who completed this step. */
  learners: number;
}

export interface Funnel {
  /** Learners who opened the lesson at all. */
  opened: number;
  steps: FunnelStep[];
}

export interface OptionCount {
  key: string;
  correct: boolean;
  /** Learners whose first answer was this option. */
  firstTries: number;
  /** Every press of this option, retries included. */
  answers: number;
}

export interface QuestionDistribution {
  questionId: string;
  answer: string;
  /** Learners who answered at all (= sum of first tries). */
  learners: number;
  firstTryCorrect: number;
  /** Learners who got it right eventually. */
  learnersCorrect: number;
  options: OptionCount[];
}

export interface OutcomeCount {
  outcome: string;
  attempts: number;
  learners: number;
}

/** Keeps only the rows of a study group's members when @groupChannelId is set. */
export const inGroup = (column: string) => `(@groupChannelId IS NULL OR ${column} IN (
  SELECT gm.user_id FROM group_members gm JOIN study_groups sg ON sg.group_id = gm.group_id
  WHERE sg.guild_id = @guildId AND sg.channel_id = @groupChannelId))`;

const optionKeysSchema = z.array(z.string());

interface Params {
  guildId: string;
  lessonId: string;
  groupChannelId: string | null;
}

const params = (scope: StatsScope): Params => ({
  guildId: scope.guildId,
  lessonId: scope.lessonId,
  groupChannelId: scope.groupChannelId ?? null,
});

type CountRow = { questionId: string; key: string; count: number };

/** The counting statements of one kind of scope. */
interface Counting {
  funnel: Statement<Params, FunnelStep>;
  opened: Statement<Params, { opened: number }>;
  firstTries: Statement<Params, CountRow>;
  answers: Statement<Params, CountRow>;
  correct: Statement<Params, { questionId: string; count: number }>;
}

/** A whole server's statistics: the counters migration 009's triggers keep with every event. */
function prepareCounters(db: Database): Counting {
  return {
    funnel: db.prepare(
      `SELECT s.step_id AS stepId, s.title, COALESCE(k.learners, 0) AS learners
       FROM lesson_steps s
       LEFT JOIN stats_step_learners k
         ON k.guild_id = @guildId AND k.lesson_id = s.lesson_id AND k.step_id = s.step_id
       WHERE s.lesson_id = @lessonId AND s.current = 1 ORDER BY s.position`,
    ),
    opened: db.prepare(
      `SELECT learners AS opened FROM stats_lesson_openers WHERE guild_id = @guildId AND lesson_id = @lessonId`,
    ),
    firstTries: db.prepare(
      `SELECT question_id AS questionId, option_key AS key, first_tries AS count FROM stats_option_answers
       WHERE guild_id = @guildId AND lesson_id = @lessonId`,
    ),
    answers: db.prepare(
      `SELECT question_id AS questionId, option_key AS key, answers AS count FROM stats_option_answers
       WHERE guild_id = @guildId AND lesson_id = @lessonId`,
    ),
    correct: db.prepare(
      `SELECT question_id AS questionId, learners AS count FROM stats_question_correct
       WHERE guild_id = @guildId AND lesson_id = @lessonId`,
    ),
  };
}

/**
 * The study group's members, then each member's rows of `table` in the lesson through a primary
 * key (or index) that starts with guild and user: the cost follows the group's size, not the
 * server's. CROSS JOIN keeps that order.
 */
const membersRows = (table: string, alias: string) => `study_groups g CROSS JOIN group_members m
  CROSS JOIN ${table} ${alias}
  WHERE g.guild_id = @guildId AND g.channel_id = @groupChannelId AND m.group_id = g.group_id
    AND ${alias}.guild_id = g.guild_id AND ${alias}.user_id = m.user_id AND ${alias}.lesson_id = @lessonId`;

/** A study group's statistics, counted from its members' history. */
function prepareGroupCounts(db: Database): Counting {
  return {
    funnel: db.prepare(
      `SELECT s.step_id AS stepId, s.title, COALESCE(done.learners, 0) AS learners
       FROM lesson_steps s
       LEFT JOIN (
         SELECT c.step_id, COUNT(*) AS learners FROM ${membersRows('step_completions', 'c')}
         GROUP BY c.step_id
       ) done ON done.step_id = s.step_id
       WHERE s.lesson_id = @lessonId AND s.current = 1 ORDER BY s.position`,
    ),
    opened: db.prepare(`SELECT COUNT(*) AS opened FROM ${membersRows('lesson_positions', 'p')}`),
    firstTries: db.prepare(
      `SELECT r.question_id AS questionId, r.first_choice AS key, COUNT(*) AS count
       FROM ${membersRows('quiz_results', 'r')}
       GROUP BY r.question_id, r.first_choice`,
    ),
    answers: db.prepare(
      `SELECT a.question_id AS questionId, a.chosen AS key, COUNT(*) AS count
       FROM ${membersRows('quiz_attempts', 'a')}
       GROUP BY a.question_id, a.chosen`,
    ),
    correct: db.prepare(
      `SELECT r.question_id AS questionId, COUNT(*) AS count
       FROM ${membersRows('quiz_results', 'r')} AND r.correct_at IS NOT NULL
       GROUP BY r.question_id`,
    ),
  };
}

/** Where learners get stuck: the step funnel, quiz item analysis and /verify outcomes. */
export class Stats {
  private readonly server: Counting;
  private readonly group: Counting;
  private readonly selectQuestions;
  private readonly selectOutcomes;

  constructor(db: Database) {
    this.server = prepareCounters(db);
    this.group = prepareGroupCounts(db);
    this.selectQuestions = db.prepare<Params, { questionId: string; answer: string; optionKeys: string }>(
      `SELECT question_id AS questionId, answer, option_keys AS optionKeys FROM lesson_questions
       WHERE lesson_id = @lessonId AND current = 1 ORDER BY position`,
    );
    this.selectOutcomes = db.prepare<Params & { limit: number }, OutcomeCount>(
      `SELECT v.outcome, COUNT(*) AS attempts, COUNT(DISTINCT v.user_id) AS learners
       FROM verification_attempts v
       WHERE v.guild_id = @guildId AND v.lesson_id = @lessonId AND ${inGroup('v.user_id')}
       GROUP BY v.outcome ORDER BY attempts DESC, v.outcome LIMIT @limit`,
    );
  }

  private counting(scope: StatsScope): Counting {
    return scope.groupChannelId === undefined ? this.server : this.group;
  }

  /** Learners who completed each current step, in lesson order. */
  funnel(scope: StatsScope): Funnel {
    const values = params(scope);
    const counting = this.counting(scope);
    return { opened: counting.opened.get(values)?.opened ?? 0, steps: counting.funnel.all(values) };
  }

  /** Per current question: first tries per option and all answers per option. */
  answerDistribution(scope: StatsScope): QuestionDistribution[] {
    const values = params(scope);
    const counting = this.counting(scope);
    const firstTries = countsByQuestion(counting.firstTries.all(values));
    const answers = countsByQuestion(counting.answers.all(values));
    const correct = new Map(counting.correct.all(values).map((row) => [row.questionId, row.count]));
    return this.selectQuestions.all(values).map((question) => {
      const keys = optionKeysSchema.parse(JSON.parse(question.optionKeys));
      const first = firstTries.get(question.questionId) ?? new Map<string, number>();
      const all = answers.get(question.questionId) ?? new Map<string, number>();
      return {
        questionId: question.questionId,
        answer: question.answer,
        learners: [...first.values()].reduce((sum, count) => sum + count, 0),
        firstTryCorrect: first.get(question.answer) ?? 0,
        learnersCorrect: correct.get(question.questionId) ?? 0,
        options: keys.map((key) => ({
          key,
          correct: key === question.answer,
          firstTries: first.get(key) ?? 0,
          answers: all.get(key) ?? 0,
        })),
      };
    });
  }

  /** The most frequent /verify outcomes for the lesson, most frequent first. */
  verifyOutcomes(scope: StatsScope & { limit?: number }): OutcomeCount[] {
    return this.selectOutcomes.all({ ...params(scope), limit: scope.limit ?? 10 });
  }
}

function countsByQuestion(rows: CountRow[]): Map<string, Map<string, number>> {
  const byQuestion = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const counts = byQuestion.get(row.questionId) ?? new Map<string, number>();
    counts.set(row.key, row.count);
    byQuestion.set(row.questionId, counts);
  }
  return byQuestion;
}
