import { createHmac } from 'node:crypto';
import type { RegistryClient } from '../../registry/client.js';
import type { ImageReference } from '../../registry/names.js';
import type { RegistryFailure } from '../../registry/outcomes.js';
import type { RequestBudget } from '../../registry/request-budget.js';
import { codeFromMac } from '../mac-code.js';

/**
 * Proof that a learner can push to a Docker ID: the same image pushed under one more tag,
 * `verify-<code>`, whose code only this learner gets. Tags are names for one image, so both
 * tags resolving to the same digest means the learner pushed it there themselves.
 */

/** Lower-case letters and digits without i, l, o, u: nothing to misread when typing it. */
const CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** 6 × 5 bits: a stranger's tag matches a learner's code once in about a billion. */
export const PROOF_CODE_LENGTH = 6;
export const PROOF_TAG_PREFIX = 'verify-';

/** Whose proof it is. `releases` counts instructor releases of the Docker ID in the server. */
export interface ProofSubject {
  guildId: string;
  userId: string;
  dockerId: string;
  releases: number;
}

/**
 * The learner's personal code: an HMAC of (server, learner, Docker ID, releases) under a
 * random key kept in the database, so it is the same after a restart, different for every
 * learner and ID, new after each release, and cannot be worked out from anyone else's code.
 */
export function ownershipProofCode(key: Buffer, subject: ProofSubject): string {
  const input = JSON.stringify([
    'docker-id-proof/v1',
    subject.guildId,
    subject.userId,
    subject.dockerId.toLowerCase(),
    subject.releases,
  ]);
  return codeFromMac(createHmac('sha256', key).update(input).digest(), CODE_ALPHABET, PROOF_CODE_LENGTH);
}

/** `verify-k3m9xp`: a valid Docker tag. */
export function ownershipProofTag(code: string): string {
  return `${PROOF_TAG_PREFIX}${code}`;
}

export type ProofVerdict =
  | { kind: 'proven' }
  | { kind: 'missing' }
  /** The proof tag exists but names another image than the checked tag. */
  | { kind: 'mismatch'; proofDigest: string }
  | RegistryFailure;

/**
 * One HEAD for the proof tag in the checked image's repository (Docker Hub does not count a
 * HEAD as a pull), compared with the digest the checked tag resolved to.
 */
export async function checkOwnershipProof(
  client: RegistryClient,
  image: ImageReference,
  imageDigest: string,
  proofTag: string,
  budget: RequestBudget,
): Promise<ProofVerdict> {
  const head = await client.headManifest(image, proofTag, budget);
  switch (head.kind) {
    case 'found':
      return head.digest === imageDigest
        ? { kind: 'proven' }
        : { kind: 'mismatch', proofDigest: head.digest };
    case 'tag-missing':
    case 'repository-missing-or-private':
      return { kind: 'missing' };
    default:
      return head;
  }
}
