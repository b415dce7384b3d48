import type { Clock } from '../../clock.js';
import type { Lesson, LessonCheck } from '../../content/model.js';
import type { Learner, Store, VerifiedResult } from '../../store/index.js';
import type { CatalogEntry } from '../catalog.js';
import { type HubStatus, type ImageLookup, judgesTheImage, type LookupReport } from './image-lookup.js';
import { ownershipProofCode, ownershipProofTag } from './ownership-proof.js';

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

/**
 * /verify's domain: which Docker ID to check, who may use it, the lookup, and what is kept
 * (every attempt that judged the image; on success the claim and the lesson's verified mark
 * with its points). A Docker ID nobody in the server holds yet is claimed only with an
 * ownership proof: the learner's personal proof tag on the same image.
 */
export class VerificationService {
  constructor(
    private readonly store: Store,
    private readonly lookup: ImageLookup,
    private readonly clock: Clock,
    private readonly observe: VerifyObserver = () => undefined,
  ) {}

  /**
   * The lesson /verify checks: the one the learner was last in when it has a check, else the
   * first of the course that has one; null when no lesson has a check.
   */
  lessonToCheck(
    learner: Learner,
    course: readonly CatalogEntry[],
  ): (CatalogEntry & { check: LessonCheck }) | null {
    const lastId = this.store.progress.lastLesson(learner);
    const checked = course.filter((entry) => entry.check !== null);
    const entry = checked.find((candidate) => candidate.lesson.id === lastId) ?? checked[0];
    return entry?.check ? { ...entry, check: entry.check } : null;
  }

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
    // The learner's own claim needs no proof again; any other Docker ID does, once.
    const proofTag = owner === learner.userId ? undefined : this.proofTagFor(learner, dockerId);

    const repository = request.repository?.trim() || check.repository;
    const tag = request.tag?.trim() || check.tag;
    const report = await this.lookup.lookupImage({
      // Cooldowns are per learner per server, like everything else about a learner.
      learnerId: `${learner.guildId}:${learner.userId}`,
      dockerId,
      repository,
      tag,
      check: { baseImage: check.baseImage },
      ...(proofTag ? { proofTag } : {}),
    });
    // Refused input, waiting and outages say nothing about the learner's work: not kept.
    if (!judgesTheImage(report.outcome)) return { kind: 'looked-up', dockerId, report, verified: null };

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

    // The claim is taken only by a proven success, so neither a typo nor a classmate's public
    // image can lock anyone out; a learner who proves a new Docker ID moves to it.
    const claim = this.store.claims.claim({
      ...learner,
      dockerId: checkedId,
      at,
      replace: true,
      ...(proofTag ? { proofTag } : {}),
    });
    if (!claim.ok) return { kind: 'claimed-by-other', dockerId: checkedId };
    const verified = this.store.verifications.markVerified({ ...learner, lessonId: lesson.id, at });
    return { kind: 'looked-up', dockerId: checkedId, report, verified };
  }

  /** Docker Hub as the lookups see it: circuit breaker state, lookups running and waiting. */
  hubStatus(): HubStatus {
    return this.lookup.status();
  }

  /** Shutdown: every lookup waiting or running ends now (as `interrupted`, never recorded). */
  interruptLookups(): void {
    this.lookup.interruptAll();
  }

  /** The learner's proof tag for a Docker ID, e.g. `verify-k3m9xp`; new after every release of the ID. */
  proofTagFor(learner: Learner, dockerId: string): string {
    const code = ownershipProofCode(this.store.secrets.get('ownership-proof'), {
      ...learner,
      dockerId,
      releases: this.store.claims.releases(learner.guildId, dockerId),
    });
    return ownershipProofTag(code);
  }
}
