import { z } from 'zod';
import type { Clock } from '../clock.js';
import { oneLineNameSchema } from '../input-rules.js';
import {
  addDays,
  type CalendarDate,
  type ExportRow,
  type Funnel,
  type LearnerRank,
  monthKey,
  type OutcomeCount,
  type QuestionDistribution,
  type RankedLearner,
  type Scope,
  type Season,
  type SeasonStart,
  type SharedDigest,
  type StatsScope,
  type Store,
  type StudyGroup,
  seasonKey,
  weekKey,
} from '../store/index.js';
import type { Viewer } from './progress.js';

export type { Scope, StatsScope } from '../store/index.js';

/** Who a board or statistic counts: the server, or a study group's members (a lesson narrows it). */
export type BoardScope =
  | { kind: 'scope'; scope: Scope; group: StudyGroup | null }
  /** The channel given holds no study group. */
  | { kind: 'no-group' };

export interface BoardExport {
  rows: ExportRow[];
  /** When the rows were read (names the file). */
  exportedAt: number;
}

/** Everything /stats shows about a lesson. */
export interface LessonStats {
  funnel: Funnel;
  questions: QuestionDistribution[];
  /** /verify outcomes, most frequent first. */
  outcomes: OutcomeCount[];
  /** Image digests more than one learner verified. */
  shared: SharedDigest[];
}

/** More than there are kinds of /verify outcome, so the list is complete (and still short). */
const verifyOutcomeLimit = 30;

/** Longest season name, in characters (the /season option declares the same). */
export const SEASON_NAME_MAX = 50;
const seasonNameSchema = oneLineNameSchema(SEASON_NAME_MAX);

/** The full board instructors see; the CSV has everyone. */
export const INSTRUCTOR_BOARD_SIZE = 25;
/** A learner's board: the top of their own study group. */
export const LEARNER_BOARD_SIZE = 10;

export const periodChoices = ['week', 'month', 'season', 'all'] as const;
export type PeriodChoice = (typeof periodChoices)[number];
/** The `period` option as typed (any member can send any text): one of the choices, else a refusal. */
export const periodChoiceSchema = z.enum(periodChoices);

/** The stretch of time a board counts, with its dates in the course time zone. */
export type BoardPeriod =
  | { kind: 'all' }
  | { kind: 'week'; from: CalendarDate; to: CalendarDate }
  | { kind: 'month'; year: number; month: number }
  /** `to`: the day it ended, null while it runs. */
  | { kind: 'season'; season: Season; from: CalendarDate; to: CalendarDate | null };

export type PeriodLookup =
  | { kind: 'period'; period: BoardPeriod; key: string | undefined }
  /** `season` asked, but no season was ever started in this server. */
  | { kind: 'no-season' };

/** What a viewer asked /leaderboard for. */
export interface BoardRequest {
  period: PeriodChoice;
  /** A study group's channel (instructors). */
  groupChannelId?: string | undefined;
  /** One lesson's points (instructors). */
  lessonId?: string | undefined;
  /** The CSV export (instructors). */
  export?: boolean | undefined;
  /** The channel the command was used in: a learner's board is this channel's group if they are in it. */
  channelId: string;
}

export type BoardAnswer =
  | {
      kind: 'board';
      scope: Scope;
      group: StudyGroup | null;
      period: BoardPeriod;
      learners: RankedLearner[];
      /** A learner's own place in the board's scope and the points to pass the one ahead. */
      own: OwnPlace | null;
      export: BoardExport | null;
    }
  | { kind: 'no-group' }
  | { kind: 'no-season' }
  /** A learner asked for what instructors only see (another scope or the CSV). */
  | { kind: 'instructor-only' }
  /** A learner who belongs to no study group has no board of their own. */
  | { kind: 'learner-without-group' };

export interface OwnPlace {
  /** Null: no points in this period yet. */
  rank: LearnerRank | null;
  /** Points to move up one place (pass the learner just ahead); null when first or unranked. */
  pointsToNext: number | null;
}

/** Instructors' views of a server: the leaderboard, its export and a lesson's statistics. */
export class BoardService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** The server's scope, narrowed to the study group of `groupChannelId` when one is given. */
  scopeOf(guildId: string, groupChannelId?: string): BoardScope {
    if (groupChannelId === undefined) return { kind: 'scope', scope: { guildId }, group: null };
    const group = this.store.groups.get({ guildId, channelId: groupChannelId });
    if (!group) return { kind: 'no-group' };
    return { kind: 'scope', scope: { guildId, groupChannelId: group.channelId }, group };
  }

  /** The first `limit` learners by points (equal points: who reached them first). */
  leaderboard(scope: Scope, limit: number): RankedLearner[] {
    return this.store.leaderboard.top({ ...scope, limit });
  }

  /** The period a board counts now: this week (Monday first) or month in the course time zone, or the latest season. */
  periodOf(guildId: string, choice: PeriodChoice): PeriodLookup {
    const now = this.clock.now();
    const calendar = this.store.calendar;
    switch (choice) {
      case 'all':
        return { kind: 'period', period: { kind: 'all' }, key: undefined };
      case 'week': {
        const from = calendar.weekStartOf(now);
        return { kind: 'period', period: { kind: 'week', from, to: addDays(from, 6) }, key: weekKey(from) };
      }
      case 'month': {
        const { year, month } = calendar.dateOf(now);
        return { kind: 'period', period: { kind: 'month', year, month }, key: monthKey({ year, month }) };
      }
      case 'season': {
        const season = this.store.seasons.latest(guildId);
        if (!season) return { kind: 'no-season' };
        const from = calendar.dateOf(season.startedAt);
        const to = season.endedAt === null ? null : calendar.dateOf(season.endedAt);
        return {
          kind: 'period',
          period: { kind: 'season', season, from, to },
          key: seasonKey(season.seasonId),
        };
      }
    }
  }

  /**
   * /leaderboard for a viewer. Instructors get any scope, the full board and the CSV. Learners get
   * the top 10 of their own study group (the one of this channel if they are a member, else the
   * first they joined) and their own place; anything else is refused — checked here, on the server.
   */
  board(viewer: Viewer, request: BoardRequest): BoardAnswer {
    const lookup = this.periodOf(viewer.guildId, request.period);
    if (lookup.kind === 'no-season') return lookup;
    if (!viewer.isInstructor) {
      if (request.groupChannelId !== undefined || request.lessonId !== undefined || request.export)
        return { kind: 'instructor-only' };
      const group = this.learnersGroup(viewer, request.channelId);
      if (!group) return { kind: 'learner-without-group' };
      const scope: Scope = { guildId: viewer.guildId, groupChannelId: group.channelId };
      if (lookup.key !== undefined) scope.period = lookup.key;
      return {
        kind: 'board',
        scope,
        group,
        period: lookup.period,
        learners: this.leaderboard(scope, LEARNER_BOARD_SIZE),
        own: this.ownPlace(scope, viewer.userId),
        export: null,
      };
    }
    const found = this.scopeOf(viewer.guildId, request.groupChannelId);
    if (found.kind === 'no-group') return found;
    const scope: Scope = { ...found.scope };
    if (request.lessonId !== undefined) scope.lessonId = request.lessonId;
    if (lookup.key !== undefined) scope.period = lookup.key;
    return {
      kind: 'board',
      scope,
      group: found.group,
      period: lookup.period,
      learners: this.leaderboard(scope, INSTRUCTOR_BOARD_SIZE),
      own: null,
      export: request.export ? this.export(scope) : null,
    };
  }

  /** Starts a named season now (ending the running one). Null for a name that is not one line of 1–50 characters. */
  startSeason(guildId: string, name: string, startedBy: string): SeasonStart | null {
    const checked = seasonNameSchema.safeParse(name);
    if (!checked.success) return null;
    return this.store.seasons.start({ guildId, name: checked.data, startedBy, at: this.clock.now() });
  }

  /** Ends the running season; its board stays readable until the next starts. Null when none runs. */
  endSeason(guildId: string): Season | null {
    return this.store.seasons.end(guildId, this.clock.now());
  }

  private learnersGroup(viewer: Viewer, channelId: string): StudyGroup | null {
    const groups = this.store.groups.groupsOf(viewer);
    return groups.find((group) => group.channelId === channelId) ?? groups[0] ?? null;
  }

  private ownPlace(scope: Scope, userId: string): OwnPlace {
    const rank = this.store.leaderboard.rank({ ...scope, userId });
    if (!rank || rank.rank === 1) return { rank, pointsToNext: null };
    const [ahead] = this.store.leaderboard.top({ ...scope, limit: 1, offset: rank.rank - 2 });
    // Equal points reached later rank lower: passing takes one point more than the one ahead has.
    return { rank, pointsToNext: ahead ? ahead.points - rank.points + 1 : null };
  }

  /** Every learner of the scope, one row per lesson, for the CSV export. */
  export(scope: Scope): BoardExport {
    return { rows: this.store.leaderboard.exportRows(scope), exportedAt: this.clock.now() };
  }

  lessonStats(scope: StatsScope): LessonStats {
    return {
      funnel: this.store.stats.funnel(scope),
      questions: this.store.stats.answerDistribution(scope),
      outcomes: this.store.stats.verifyOutcomes({ ...scope, limit: verifyOutcomeLimit }),
      shared: this.store.sharedDigests.forLesson(scope),
    };
  }
}
