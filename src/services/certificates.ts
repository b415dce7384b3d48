import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { CourseCompletion, Learner, Store, StoredCertificate } from '../store/index.js';
import { codeFromMac } from './mac-code.js';

/** Upper-case letters and digits without I, L, O, U: nothing to misread when typing it. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 3 groups × 4 characters × 5 bits = 60 bits: not guessable by typing codes into a command. */
const GROUPS = 3;
const GROUP_LENGTH = 4;
const PREFIX = 'DSB';
/** What a person may type: the code with or without the prefix, dashes and spaces, any case. */
const TYPED_CODE = /^(?:DSB)?([0-9A-Z]{12})$/;

export type CertificateRequest =
  | { kind: 'issued'; certificate: StoredCertificate }
  /** Not every lesson of the course is completed (and verified where it has a check). */
  | { kind: 'not-complete'; completion: CourseCompletion }
  /** Complete, yet no verified image is on record (a course without /verify checks). */
  | { kind: 'no-image' };

export type CertificateCheck =
  | { kind: 'valid'; certificate: StoredCertificate }
  | { kind: 'malformed' }
  /** No certificate of this server has that code. */
  | { kind: 'unknown' };

/** `DSB-7K3M-Q9XP-4TNA`: the form printed on the certificate and stored. */
function formatCode(characters: string): string {
  const groups = Array.from({ length: GROUPS }, (_, index) =>
    characters.slice(index * GROUP_LENGTH, (index + 1) * GROUP_LENGTH),
  );
  return [PREFIX, ...groups].join('-');
}

/**
 * Completion certificates. The code is an HMAC of (server, learner, completion time, image digest)
 * under a random key kept in the database: stable for the learner, unguessable, and checked by
 * looking it up and computing it again (a row edited by hand does not pass).
 */
export class CertificateService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  private codeFor(learner: Learner, completedAt: number, digest: string): string {
    const input = JSON.stringify(['certificate/v1', learner.guildId, learner.userId, completedAt, digest]);
    const mac = createHmac('sha256', this.store.secrets.get('certificate')).update(input).digest();
    return formatCode(codeFromMac(mac, CODE_ALPHABET, GROUPS * GROUP_LENGTH));
  }

  /** The learner's certificate: the one issued before, or a new one when the course is complete. */
  certificateFor(learner: Learner): CertificateRequest {
    const issued = this.store.certificates.of(learner);
    if (issued) return { kind: 'issued', certificate: issued };
    const completion = this.store.certificates.completion(learner);
    if (completion.completedAt === null) return { kind: 'not-complete', completion };
    const image = this.store.certificates.latestVerifiedImage(learner);
    if (!image) return { kind: 'no-image' };
    const certificate = this.store.certificates.issue({
      ...learner,
      code: this.codeFor(learner, completion.completedAt, image.digest),
      completedAt: completion.completedAt,
      image,
      issuedAt: this.clock.now(),
    });
    return { kind: 'issued', certificate };
  }

  /** Whose certificate a typed code is, in this server. */
  check(guildId: string, typed: string): CertificateCheck {
    // Bounded before any work: a code is short, whatever was typed.
    if (typed.length > 64) return { kind: 'malformed' };
    const match = TYPED_CODE.exec(typed.toUpperCase().replace(/[\s-]/g, ''));
    if (!match) return { kind: 'malformed' };
    const code = formatCode(match[1]!);
    const certificate = this.store.certificates.byCode(code);
    if (!certificate || certificate.guildId !== guildId) return { kind: 'unknown' };
    const expected = Buffer.from(
      this.codeFor(certificate, certificate.completedAt, certificate.image.digest),
    );
    if (expected.length !== code.length || !timingSafeEqual(expected, Buffer.from(code))) {
      return { kind: 'unknown' };
    }
    return { kind: 'valid', certificate };
  }
}
