import type { Clock } from '../clock.js';
import type {
  ExportRow,
  Funnel,
  OutcomeCount,
  QuestionDistribution,
  RankedLearner,
  Scope,
  SharedDigest,
  StatsScope,
  Store,
  StudyGroup,
} from '../store/index.js';

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
