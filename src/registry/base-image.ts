import type { Clock } from '../clock.js';
import type { RegistryClient } from './client.js';
import type { RequestRecord } from './http.js';
import { type IndexEntry, type ParsedManifest, type Platform, platformLabel } from './manifests.js';
import type { ImageReference } from './names.js';
import type { RegistryFailure } from './outcomes.js';

export type BaseImageVerdict =
  | { kind: 'built-from-base'; platform: string | undefined; baseDigest: string }
  | { kind: 'not-built-from-base'; checkedPlatforms: string[]; baseDigest: string }
  /** Starts with the base layers but adds none of its own: the base image under another name. */
  | { kind: 'no-own-layer'; checkedPlatforms: string[]; baseDigest: string }
  /** The learner's image has no platform the base image also has (or only attestations). */
  | { kind: 'platform-not-found'; learnerPlatforms: string[]; basePlatforms: string[] }
  /** The learner's manifest vanished between HEAD and GET (a re-push), or a child is missing. */
  | { kind: 'manifest-missing' }
  /** The configured base image tag does not exist: a course configuration problem. */
  | { kind: 'base-image-missing' }
  | RegistryFailure;

interface Candidate {
  /** undefined for a single image manifest, whose platform only its config blob knows. */
  platform: Platform | undefined;
  digest: string;
}

/** The base tag moves rarely; re-checking it every few minutes saves a HEAD per /verify. */
const BASE_TAG_TTL_MS = 5 * 60 * 1000;

/**
 * "Built FROM the base image": for a platform both images have, the learner image's first
 * layers are exactly the base image's layers, and it has at least one more. Manifests come
 * by digest through the client's cache, so each costs at most one GET ever.
 */
export class BaseImageChecker {
  private readonly baseDigests = new Map<string, { digest: string; until: number }>();

  constructor(
    private readonly client: RegistryClient,
    private readonly clock: Clock,
  ) {}

  async check(
    learner: { name: string; digest: string },
    base: ImageReference,
    trace: RequestRecord[] = [],
  ): Promise<BaseImageVerdict> {
    const learnerTop = await this.client.getManifest(learner, learner.digest, trace);
    if (learnerTop.kind !== 'manifest') return learnerTop;
    const baseDigest = await this.baseDigest(base, trace);
    if (typeof baseDigest !== 'string') return baseDigest;
    const baseTop = await this.client.getManifest(base, baseDigest, trace);
    if (baseTop.kind === 'manifest-missing') return { kind: 'base-image-missing' };
    if (baseTop.kind !== 'manifest') return baseTop;

    const learnerCandidates = candidates(learner.digest, learnerTop.manifest);
    const baseCandidates = candidates(baseDigest, baseTop.manifest);
    const pairs = pairUp(learnerCandidates, baseCandidates);
    if (pairs.length === 0) {
      return {
        kind: 'platform-not-found',
        learnerPlatforms: labels(learnerCandidates),
        basePlatforms: labels(baseCandidates),
      };
    }
    const checkedPlatforms: string[] = [];
    let onlyBaseLayers = false;
    for (const [mine, theirs] of pairs) {
      const mineLayers = await this.layersOf(learner, mine, trace);
      if (!mineLayers.ok) return mineLayers.verdict;
      const baseLayers = await this.layersOf(base, theirs, trace);
      if (!baseLayers.ok) return baseLayers.verdict;
      const platform = mine.platform ?? theirs.platform;
      if (platform) checkedPlatforms.push(platformLabel(platform));
      if (startsWith(mineLayers.layers, baseLayers.layers)) {
        if (mineLayers.layers.length > baseLayers.layers.length) {
          return { kind: 'built-from-base', platform: platform && platformLabel(platform), baseDigest };
        }
        // Another platform of the same image may still carry the learner's own layers.
        onlyBaseLayers = true;
      }
    }
    const kind = onlyBaseLayers ? 'no-own-layer' : 'not-built-from-base';
    return { kind, checkedPlatforms, baseDigest };
  }

  private async baseDigest(base: ImageReference, trace: RequestRecord[]): Promise<string | BaseImageVerdict> {
    const key = `${base.name}:${base.tag}`;
    const known = this.baseDigests.get(key);
    if (known && known.until > this.clock.now()) return known.digest;
    const head = await this.client.resolveTag(base, base.tag, trace);
    if (head.kind === 'tag-missing' || head.kind === 'repository-missing-or-private') {
      return { kind: 'base-image-missing' };
    }
    if (head.kind !== 'found') return head;
    this.baseDigests.set(key, { digest: head.digest, until: this.clock.now() + BASE_TAG_TTL_MS });
    return head.digest;
  }

  private async layersOf(
    repo: { name: string },
    candidate: Candidate,
    trace: RequestRecord[],
  ): Promise<{ ok: true; layers: string[] } | { ok: false; verdict: BaseImageVerdict }> {
    const fetched = await this.client.getManifest(repo, candidate.digest, trace);
    if (fetched.kind !== 'manifest') return { ok: false, verdict: fetched };
    // An index inside an index is not an image: treat it as having no layers.
    return { ok: true, layers: fetched.manifest.kind === 'image' ? fetched.manifest.layers : [] };
  }
}

function candidates(digest: string, manifest: ParsedManifest): Candidate[] {
  if (manifest.kind === 'image') return [{ platform: undefined, digest }];
  return manifest.entries
    .filter((entry): entry is IndexEntry & { platform: Platform } => !entry.isAttestation && !!entry.platform)
    .map((entry) => ({ platform: entry.platform, digest: entry.digest }));
}

/**
 * Which learner image to compare with which base image, linux/amd64 first. A single image
 * (platform unknown) is tried against every base platform; layer digests differ between
 * platforms, so a match also tells the platform.
 */
function pairUp(learner: Candidate[], base: Candidate[]): [Candidate, Candidate][] {
  const pairs: [Candidate, Candidate][] = [];
  for (const mine of learner) {
    for (const theirs of base) {
      if (!mine.platform || !theirs.platform || samePlatform(mine.platform, theirs.platform)) {
        pairs.push([mine, theirs]);
      }
    }
  }
  return pairs.sort((a, b) => amd64First(a) - amd64First(b));
}

function amd64First([mine, theirs]: [Candidate, Candidate]): number {
  const platform = mine.platform ?? theirs.platform;
  return platform?.os === 'linux' && platform.architecture === 'amd64' ? 0 : 1;
}

/** arm64 is published both with and without variant "v8"; they are the same platform. */
function normalisedVariant(platform: Platform): string {
  if (platform.architecture === 'arm64' && (platform.variant ?? 'v8') === 'v8') return 'v8';
  return platform.variant ?? '';
}

function samePlatform(a: Platform, b: Platform): boolean {
  return a.os === b.os && a.architecture === b.architecture && normalisedVariant(a) === normalisedVariant(b);
}

function labels(list: Candidate[]): string[] {
  return list.flatMap((candidate) => (candidate.platform ? [platformLabel(candidate.platform)] : []));
}

function startsWith(layers: string[], prefix: string[]): boolean {
  return (
    prefix.length > 0 && layers.length >= prefix.length && prefix.every((digest, i) => layers[i] === digest)
  );
}
