import type { Database } from 'better-sqlite3';
import type { EpochMs, Learner } from './types.js';

/** How far a learner is through the course: lessons finished for good (completed and verified). */
export interface CourseCompletion {
  lessonsDone: number;
  lessonsInCourse: number;
  /** When the last lesson was finished; null until every lesson of the course is. */
  completedAt: EpochMs | null;
}

/** The image a learner last verified successfully. */
export interface VerifiedImage {
  /** `dockerId/repository:tag` as /verify found it. */
  reference: string;
  digest: string;
}

export interface StoredCertificate extends Learner {
  code: string;
  completedAt: EpochMs;
  image: VerifiedImage;
  issuedAt: EpochMs;
}

interface CertificateRow {
  code: string;
  guildId: string;
  userId: string;
  completedAt: number;
  imageRef: string;
  digest: string;
  issuedAt: number;
}

const columns = `code, guild_id AS guildId, user_id AS userId, completed_at AS completedAt,
  image_ref AS imageRef, digest, issued_at AS issuedAt`;

function fromRow(row: CertificateRow | undefined): StoredCertificate | null {
  if (!row) return null;
  const { imageRef, digest, ...rest } = row;
  return { ...rest, image: { reference: imageRef, digest } };
}

/**
 * Completion certificates: whether a learner finished the course (the `course_lessons_done`
 * view: every lesson of the course completed, and verified where it has a check) and the one
 * certificate each learner gets, kept so its code can be checked later.
 */
export class CertificateRepository {
  private readonly selectCompletion;
  private readonly selectLatestImage;
  private readonly insert;
  private readonly selectByLearner;
  private readonly selectByCode;

  constructor(db: Database) {
    this.selectCompletion = db.prepare<Learner, { done: number; total: number; lastAt: number | null }>(
      `SELECT COUNT(*) AS done, MAX(done_at) AS lastAt,
         (SELECT COUNT(*) FROM lessons WHERE in_course = 1) AS total
       FROM course_lessons_done WHERE guild_id = @guildId AND user_id = @userId`,
    );
    this.selectLatestImage = db.prepare<Learner, { reference: string; digest: string }>(
      `SELECT docker_id || '/' || repository || ':' || tag AS reference, digest
       FROM verification_attempts
       WHERE guild_id = @guildId AND user_id = @userId AND outcome = 'found' AND digest IS NOT NULL
       ORDER BY attempted_at DESC, attempt_id DESC LIMIT 1`,
    );
    this.insert = db.prepare<CertificateRow>(
      `INSERT INTO certificates (code, guild_id, user_id, completed_at, image_ref, digest, issued_at)
       VALUES (@code, @guildId, @userId, @completedAt, @imageRef, @digest, @issuedAt)
       ON CONFLICT (guild_id, user_id) DO NOTHING`,
    );
    this.selectByLearner = db.prepare<Learner, CertificateRow>(
      `SELECT ${columns} FROM certificates WHERE guild_id = @guildId AND user_id = @userId`,
    );
    this.selectByCode = db.prepare<[string], CertificateRow>(
      `SELECT ${columns} FROM certificates WHERE code = ?`,
    );
  }

  completion(learner: Learner): CourseCompletion {
    const row = this.selectCompletion.get(learner);
    const done = row?.done ?? 0;
    const total = row?.total ?? 0;
    return {
      lessonsDone: done,
      lessonsInCourse: total,
      completedAt: total > 0 && done >= total ? (row?.lastAt ?? null) : null,
    };
  }

  latestVerifiedImage(learner: Learner): VerifiedImage | null {
    return this.selectLatestImage.get(learner) ?? null;
  }

  /** Keeps the learner's certificate; a learner who has one keeps it (its code never changes). */
  issue(certificate: StoredCertificate): StoredCertificate {
    this.insert.run({
      code: certificate.code,
      guildId: certificate.guildId,
      userId: certificate.userId,
      completedAt: certificate.completedAt,
      imageRef: certificate.image.reference,
      digest: certificate.image.digest,
      issuedAt: certificate.issuedAt,
    });
    const stored = fromRow(this.selectByLearner.get(certificate));
    if (!stored) throw new Error('certificate could not be stored');
    return stored;
  }

  of(learner: Learner): StoredCertificate | null {
    return fromRow(this.selectByLearner.get(learner));
  }

  byCode(code: string): StoredCertificate | null {
    return fromRow(this.selectByCode.get(code));
  }
}
