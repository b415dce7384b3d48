import type { Database } from 'better-sqlite3';
import type { EpochMs } from './types.js';

/** A named stretch of a server's course, started by an instructor; its board counts points since its start. */
export interface Season {
  seasonId: number;
  guildId: string;
  name: string;
  startedAt: EpochMs;
  startedBy: string;
  /** Null while it runs. */
  endedAt: EpochMs | null;
}

export interface SeasonStart {
  season: Season;
  /** The season this start ended, if one was running. */
  ended: Season | null;
}

const seasonColumns = `season_id AS seasonId, guild_id AS guildId, name, started_at AS startedAt,
  started_by AS startedBy, ended_at AS endedAt`;

/** Seasons: one running per server at most; starting one ends the previous. */
export class SeasonRepository {
  private readonly selectRunning;
  private readonly selectLatest;
  private readonly endStatement;
  private readonly insertStatement;
  private readonly startInTransaction;
  private readonly endInTransaction;

  constructor(db: Database) {
    this.selectRunning = db.prepare<[string], Season>(
      `SELECT ${seasonColumns} FROM seasons WHERE guild_id = ? AND ended_at IS NULL`,
    );
    this.selectLatest = db.prepare<[string], Season>(
      `SELECT ${seasonColumns} FROM seasons WHERE guild_id = ? ORDER BY started_at DESC, season_id DESC LIMIT 1`,
    );
    this.endStatement = db.prepare<{ seasonId: number; at: number }>(
      'UPDATE seasons SET ended_at = @at WHERE season_id = @seasonId AND ended_at IS NULL',
    );
    this.insertStatement = db.prepare<{ guildId: string; name: string; at: number; by: string }>(
      'INSERT INTO seasons (guild_id, name, started_at, started_by) VALUES (@guildId, @name, @at, @by)',
    );
    this.endInTransaction = db.transaction((guildId: string, at: EpochMs): Season | null => {
      const running = this.selectRunning.get(guildId);
      if (!running) return null;
      this.endStatement.run({ seasonId: running.seasonId, at });
      return { ...running, endedAt: at };
    });
    this.startInTransaction = db.transaction(
      (request: { guildId: string; name: string; startedBy: string; at: EpochMs }): SeasonStart => {
        const ended = this.endInTransaction(request.guildId, request.at);
        const seasonId = Number(
          this.insertStatement.run({
            guildId: request.guildId,
            name: request.name,
            at: request.at,
            by: request.startedBy,
          }).lastInsertRowid,
        );
        return {
          season: {
            seasonId,
            guildId: request.guildId,
            name: request.name,
            startedAt: request.at,
            startedBy: request.startedBy,
            endedAt: null,
          },
          ended,
        };
      },
    );
  }

  /** Starts a season now, ending the running one; points from `at` on count towards it. */
  start(request: { guildId: string; name: string; startedBy: string; at: EpochMs }): SeasonStart {
    return this.startInTransaction.immediate(request);
  }

  /** Ends the running season, if any. */
  end(guildId: string, at: EpochMs): Season | null {
    return this.endInTransaction.immediate(guildId, at);
  }

  /** The running season, else the last one that ended (its board stays readable); null if none ever. */
  latest(guildId: string): Season | null {
    return this.selectLatest.get(guildId) ?? null;
  }
}
