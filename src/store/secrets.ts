import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** The keys the bot keeps; each is created once, at random, the first time it is needed. */
export type SecretName = 'ownership-proof' | 'certificate';

const SECRET_BYTES = 32;

/**
 * Random keys kept in the database, so they survive restarts and travel with backups. Two
 * processes asking at once agree: the first insert wins and both read it back.
 */
export class SecretRepository {
  private readonly insertIfMissing;
  private readonly select;
  private readonly known = new Map<SecretName, Buffer>();

  constructor(db: Database) {
    this.insertIfMissing = db.prepare<[SecretName, Buffer]>(
      'INSERT INTO bot_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
    );
    this.select = db.prepare<[SecretName], { value: Buffer }>('SELECT value FROM bot_secrets WHERE name = ?');
  }

  /** The key called `name`; never logged or shown. */
  get(name: SecretName): Buffer {
    const cached = this.known.get(name);
    if (cached) return cached;
    let row = this.select.get(name);
    if (!row) {
      this.insertIfMissing.run(name, randomBytes(SECRET_BYTES));
      row = this.select.get(name);
    }
    if (!row) throw new Error(`secret ${name} could not be stored`);
    this.known.set(name, row.value);
    return row.value;
  }
}
