import type { Clock } from '../clock.js';
import type { RegistryClient } from './client.js';
import { type ParsedManifest, type Platform, platformLabel } from './manifests.js';
import type { ImageReference } from './names.js';
import type { RegistryFailure } from './outcomes.js';
import { RequestBudget } from './request-budget.js';

export type BaseImageVerdict =
  | {
      kind: 'built-from-base';
      platform: string | undefined;
      baseDigest: string;
      /** Every platform compared, the matching one last. */
      checkedPlatforms: string[];
      skippedEntries: number;
    }
  | { kind: 'not-built-from-base'; checkedPlatforms: string[]; skippedEntries: number; baseDigest: string }
  /** Starts with the base layers but adds none of its own: the base image under another name. */
  | { kind: 'no-own-layer'; checkedPlatforms: string[]; skippedEntries: number; baseDigest: string }
  /** The learner's image has no platform the base image also has (or only attestations). */
  | {
      kind: 'platform-not-found';
      learnerPlatforms: string[];
      basePlatforms: string[];
      skippedEntries: number;
    }
  /** The learner's manifest vanished between HEAD and GET (a re-push), or a child is missing. */
  | { kind: 'manifest-missing' }
  /** The configured base image tag does not exist: a course configuration problem. */
  | { kind: 'base-image-missing' }
  | RegistryFailure;

/**
 * Image entries of one index looked at; later ones are skipped (and counted as skipped). Real
 * images list a few platforms: Docker's official images about eight, a learner's one or two.
 */
export const MAX_INDEX_ENTRIES = 16;

interface Candidate {
  /** undefined for a single image manifest, whose platform only its config blob knows. */
  platform: Platform | undefined;
  digest: string;
}

/** The base tag moves rarely; re-checking it every few minutes saves a HEAD per /verify. */
const BASE_TAG_TTL_MS = 5 * 60 * 1000;

/** Why a manifest did not come: the budget is spent (nothing sent), or a verdict-worthy failure. */
type FetchFailure = 'over-budget' | BaseImageVerdict;
type Fetched = { ok: true; manifest: ParsedManifest } | { ok: false; failure: FetchFailure };

/** The budget is spent before anything could be compared (not reachable with the default budget). */
const BUDGET_SPENT: BaseImageVerdict = { kind: 'unavailable', reason: 'request-budget' };

/**
 * "Built FROM the base image": for a platform both images have, the learner image's first
 * layers are exactly the base image's layers, and it has at least one more. Whatever the
 * learner pushed, the check costs at most the budget's manifest GETs: one entry per platform, at
 * most MAX_INDEX_ENTRIES entries, linux/amd64 first, then linux/arm64, and a pair is compared only
 * if its uncached manifests fit in what is left of the budget. It stops at the first match.
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
    budget: RequestBudget = new RequestBudget(),
  ): Promise<BaseImageVerdict> {
    // Manifests of this check by digest: a single image is both the top and its only candidate.
    const seen = new Map<string, ParsedManifest>();
    const learnerTop = await this.fetch(learner, learner.digest, budget, seen);
    if (!learnerTop.ok) return learnerTop.failure === 'over-budget' ? BUDGET_SPENT : learnerTop.failure;
    const baseDigest = await this.baseDigest(base, budget);
    if (typeof baseDigest !== 'string') return baseDigest;
    const baseTop = await this.fetch(base, baseDigest, budget, seen);
    if (!baseTop.ok) {
      if (baseTop.failure === 'over-budget') return BUDGET_SPENT;
      return baseTop.failure.kind === 'manifest-missing' ? { kind: 'base-image-missing' } : baseTop.failure;
    }

    const mine = candidatesOf(learner.digest, learnerTop.manifest);
    const theirs = candidatesOf(baseDigest, baseTop.manifest);
    const pairs = pairUp(mine.candidates, theirs.candidates);
    if (pairs.length === 0) {
      return {
        kind: 'platform-not-found',
        learnerPlatforms: labels(mine.candidates),
        basePlatforms: labels(theirs.candidates),
        skippedEntries: mine.skipped,
      };
    }

    return this.comparePairs(pairs, { learner, base, baseDigest, skipped: mine.skipped }, budget, seen);
  }

  /** Compares pair after pair, in order, while the budget allows; stops at the first match. */
  private async comparePairs(
    pairs: [Candidate, Candidate][],
    images: {
      learner: { name: string; digest: string };
      base: ImageReference;
      baseDigest: string;
      skipped: number;
    },
    budget: RequestBudget,
    seen: Map<string, ParsedManifest>,
  ): Promise<BaseImageVerdict> {
    const { learner, base, baseDigest } = images;
    const checkedPlatforms: string[] = [];
    const compared = new Set<string>();
    const passedOver = new Set<string>();
    let onlyBaseLayers = false;
    // Index entries the budget left out; a single image is its own candidate and no entry.
    const skippedEntries = () =>
      images.skipped +
      [...passedOver].filter((digest) => !compared.has(digest) && digest !== learner.digest).length;
    for (const [own, their] of pairs) {
      if (this.getsNeeded([own, their], seen) > budget.manifestGetsRemaining) {
        passedOver.add(own.digest);
        continue;
      }
      const manifests = await this.fetchPair(learner, own, base, their, budget, seen);
      if (manifests === 'over-budget') {
        passedOver.add(own.digest);
        continue;
      }
      if (!Array.isArray(manifests)) return manifests;
      compared.add(own.digest);
      const platform = own.platform ?? their.platform;
      if (platform) checkedPlatforms.push(platformLabel(platform));
      const ownLayers = layersOf(manifests[0]);
      const baseLayers = layersOf(manifests[1]);
      if (startsWith(ownLayers, baseLayers)) {
        // Another platform of the same image may still carry the learner's own layers.
        if (ownLayers.length <= baseLayers.length) {
          onlyBaseLayers = true;
          continue;
        }
        const label = platform && platformLabel(platform);
        return {
          kind: 'built-from-base',
          platform: label,
          baseDigest,
          checkedPlatforms,
          skippedEntries: skippedEntries(),
        };
      }
    }
    if (compared.size === 0) return BUDGET_SPENT;
    const kind = onlyBaseLayers ? 'no-own-layer' : 'not-built-from-base';
    return { kind, checkedPlatforms, skippedEntries: skippedEntries(), baseDigest };
  }

  private async baseDigest(base: ImageReference, budget: RequestBudget): Promise<string | BaseImageVerdict> {
    const key = `${base.name}:${base.tag}`;
    const known = this.baseDigests.get(key);
    if (known && known.until > this.clock.now()) return known.digest;
    const head = await this.client.resolveTag(base, base.tag, budget);
    if (head.kind === 'tag-missing' || head.kind === 'repository-missing-or-private') {
      return { kind: 'base-image-missing' };
    }
    if (head.kind !== 'found') return head;
    this.baseDigests.set(key, { digest: head.digest, until: this.clock.now() + BASE_TAG_TTL_MS });
    return head.digest;
  }

  /** GETs this pair would cost: manifests neither seen in this check nor cached. */
  private getsNeeded(pair: Candidate[], seen: Map<string, ParsedManifest>): number {
    const digests = new Set(pair.map((candidate) => candidate.digest));
    return [...digests].filter((digest) => !seen.has(digest) && !this.client.hasCached(digest)).length;
  }

  /** Both manifests of a pair, the learner's first. */
  private async fetchPair(
    learner: { name: string },
    own: Candidate,
    base: { name: string },
    their: Candidate,
    budget: RequestBudget,
    seen: Map<string, ParsedManifest>,
  ): Promise<[ParsedManifest, ParsedManifest] | FetchFailure> {
    const ownImage = await this.fetch(learner, own.digest, budget, seen);
    if (!ownImage.ok) return ownImage.failure;
    const baseImage = await this.fetch(base, their.digest, budget, seen);
    if (!baseImage.ok) return baseImage.failure;
    return [ownImage.manifest, baseImage.manifest];
  }

  private async fetch(
    repo: { name: string },
    digest: string,
    budget: RequestBudget,
    seen: Map<string, ParsedManifest>,
  ): Promise<Fetched> {
    const known = seen.get(digest);
    if (known) return { ok: true, manifest: known };
    const fetched = await this.client.getManifest(repo, digest, budget);
    if (fetched.kind === 'over-budget') return { ok: false, failure: 'over-budget' };
    if (fetched.kind !== 'manifest') return { ok: false, failure: fetched };
    seen.set(digest, fetched.manifest);
    return { ok: true, manifest: fetched.manifest };
  }
}

/** An index inside an index is not an image: it has no layers of its own. */
function layersOf(manifest: ParsedManifest): string[] {
  return manifest.kind === 'image' ? manifest.layers : [];
}

/**
 * The image entries worth comparing: attestations, nested indexes and entries without a
 * readable platform are not images; of the rest, the first MAX_INDEX_ENTRIES are looked at and
 * the first entry of each platform counts, as Docker pulls it. Everything else is skipped.
 */
function candidatesOf(
  digest: string,
  manifest: ParsedManifest,
): { candidates: Candidate[]; skipped: number } {
  if (manifest.kind === 'image') return { candidates: [{ platform: undefined, digest }], skipped: 0 };
  const entries = manifest.entries.filter((entry) => !entry.isAttestation);
  const byPlatform = new Map<string, Candidate>();
  for (const entry of entries.slice(0, MAX_INDEX_ENTRIES)) {
    if (entry.isIndex || !entry.platform) continue;
    const key = platformKey(entry.platform);
    if (!byPlatform.has(key)) byPlatform.set(key, { platform: entry.platform, digest: entry.digest });
  }
  return { candidates: [...byPlatform.values()], skipped: entries.length - byPlatform.size };
}

/**
 * Which learner image to compare with which base image: linux/amd64 first, then linux/arm64,
 * then in index order. A single image (platform unknown) is tried against the base platforms
 * in that order; layer digests differ between platforms, so a match also tells the platform.
 */
function pairUp(learner: Candidate[], base: Candidate[]): [Candidate, Candidate][] {
  const pairs: [Candidate, Candidate][] = [];
  for (const own of learner) {
    for (const their of base) {
      if (!own.platform || !their.platform || platformKey(own.platform) === platformKey(their.platform)) {
        pairs.push([own, their]);
      }
    }
  }
  return pairs.sort((a, b) => preference(a) - preference(b));
}

const PREFERRED_PLATFORMS = ['linux/amd64', 'linux/arm64/v8'];

function preference([own, their]: [Candidate, Candidate]): number {
  const platform = own.platform ?? their.platform;
  const rank = platform ? PREFERRED_PLATFORMS.indexOf(platformKey(platform)) : -1;
  return rank === -1 ? PREFERRED_PLATFORMS.length : rank;
}

/** `os/architecture[/variant]`, with arm64's default variant written out: arm64 and arm64/v8 are one platform. */
function platformKey(platform: Platform): string {
  const variant =
    platform.architecture === 'arm64' && (platform.variant ?? 'v8') === 'v8' ? 'v8' : platform.variant;
  return platformLabel({ ...platform, variant });
}

function labels(list: Candidate[]): string[] {
  return list.flatMap((candidate) => (candidate.platform ? [platformLabel(candidate.platform)] : []));
}

function startsWith(layers: string[], prefix: string[]): boolean {
  return (
    prefix.length > 0 && layers.length >= prefix.length && prefix.every((digest, i) => layers[i] === digest)
  );
}
