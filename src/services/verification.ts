import type { Clock } from '../clock.js';
import type { Lesson, LessonCheck } from '../content/model.js';
import type { Store, VerifiedResult } from '../store/index.js';
import type { ImageLookup, LookupReport } from '../verification/lookup.js';
import type { Learner } from './learner.js';

export interface VerifyRequest {
  /** Omitted after a first success: the learner's claimed Docker ID is used. */
  dockerId?: string | undefined;
  repository?: string | undefined;
  tag?: string | undefined;
}

export type VerifyResult =
  /** No Docker ID given and none claimed yet. */
  | { kind: 'needs-docker-id' }
  /** Another learner in this server verified with this Docker ID first. */
  | { kind: 'claimed-by-other'; dockerId: string }
  | {
      kind: 'looked-up';
      dockerId: string;
      report: LookupReport;
      /** Set on success: whether this was the first verification of the lesson, and its points. */
      verified: VerifiedResult | null;
    };

/** Told every /verify result (for metrics); must not throw. */
export type VerifyObserver = (result: VerifyResult) => void;

/** Outcomes that say nothing about the learner's work: they are not kept as attempts. */
const unrecorded = new Set(['invalid-input', 'cooldown']);

/**
 * /verify's domain: which Docker ID to check, who may use it, the lookup, and what is kept
 * (every real attempt; on success the claim and the lesson's verified mark with its points).
 */
export class VerificationService {
  constructor(
    private readonly store: Store,
    private readonly lookup: ImageLookup,
    private readonly clock: Clock,
    private readonly observe: VerifyObserver = () => undefined,
  ) {}

  async verify(
    learner: Learner,
    lesson: Lesson,
    check: LessonCheck,
    request: VerifyRequest,
  ): Promise<VerifyResult> {
    const result = await this.check(learner, lesson, check, request);
    this.observe(result);
    return result;
  }

  private async check(
    learner: Learner,
    lesson: Lesson,
    check: LessonCheck,
    request: VerifyRequest,
  ): Promise<VerifyResult> {
    const given = request.dockerId?.trim();
    const dockerId = given || this.store.claims.get(learner);
    if (!dockerId) return { kind: 'needs-docker-id' };

    const owner = this.store.claims.owner(learner.guildId, dockerId);
    if (owner !== null && owner !== learner.userId) return { kind: 'claimed-by-other', dockerId };

    const repository = request.repository?.trim() || check.repository;
    const tag = request.tag?.trim() || check.tag;
    const report = await this.lookup.lookupImage({
      // Cooldowns are per learner per server, like everything else about a learner.
      learnerId: `${learner.guildId}:${learner.userId}`,
      dockerId,
      repository,
      tag,
      check: { baseImage: check.baseImage },
    });
    if (unrecorded.has(report.outcome)) return { kind: 'looked-up', dockerId, report, verified: null };

    const at = this.clock.now();
    const checkedId = report.image?.namespace ?? dockerId;
    this.store.verifications.record({
      ...learner,
      lessonId: lesson.id,
      dockerId: checkedId,
      repository: report.image?.repository ?? repository,
      tag: report.image?.tag ?? tag,
      outcome: report.outcome,
      digest: report.digest,
      details: { ...report.details, platform: report.platform, mediaType: report.mediaType },
      at,
    });
    if (!report.passed) return { kind: 'looked-up', dockerId: checkedId, report, verified: null };

    // The claim is taken only by a success, so a typo cannot lock another learner out; a
    // learner who verifies with a new Docker ID moves to it.
    const claim = this.store.claims.claim({ ...learner, dockerId: checkedId, at, replace: true });
    if (!claim.ok) return { kind: 'claimed-by-other', dockerId: checkedId };
    const verified = this.store.verifications.markVerified({ ...learner, lessonId: lesson.id, at });
    return { kind: 'looked-up', dockerId: checkedId, report, verified };
  }

  /** An instructor frees a Docker ID in a server; returns who held it. */
  release(guildId: string, dockerId: string): string | null {
    return this.store.claims.release(guildId, dockerId);
  }
}
