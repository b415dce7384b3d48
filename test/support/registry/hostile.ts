import { BASE_NAME, type CourseFixtures, type LearnerFixture, REPOSITORY, TAG } from './fixtures.js';
import { type FakePlatform, fakeLayer, type IndexChild, pushImage, pushIndex } from './images.js';
import type { Blob } from './push.js';
import { MEDIA, type PushedManifest, Pusher } from './push.js';
import type { TestRegistry } from './start-registry.js';

/** How many entries each hostile index lists: far more than any real image has. */
export const HOSTILE_ENTRIES = 40;

const AMD64: FakePlatform = { os: 'linux', architecture: 'amd64' };
const ARM64: FakePlatform = { os: 'linux', architecture: 'arm64', variant: 'v8' };

/**
 * Images pushed to make one /verify send as many manifest GETs as it can. Each is a real index
 * on the real registry, so the registry itself accepts it.
 */
export interface HostileFixtures {
  /** HOSTILE_ENTRIES different linux/amd64 children, none built on the base. */
  manyAmd64: LearnerFixture;
  /** The same linux/amd64 child listed HOSTILE_ENTRIES times. */
  duplicates: LearnerFixture;
  /** An index of HOSTILE_ENTRIES indexes (declared as such), each listing linux/amd64 children. */
  nested: LearnerFixture;
  /** The same nested indexes, but each entry claims to be an image manifest. */
  nestedInDisguise: LearnerFixture;
  /** HOSTILE_ENTRIES children whose first linux/amd64 entry is built on the base: still found. */
  manyOnBase: LearnerFixture;
  /**
   * HOSTILE_ENTRIES children for made-up platforms (linux/amd64/v1…), then a linux/arm64/v8 and
   * a linux/amd64 child built on the base, both past the entry cap.
   */
  platformFlood: LearnerFixture;
  /** Honest but the most expensive: linux/amd64 and linux/arm64/v8 children, neither on the base. */
  twoPlatformsNotOnBase: LearnerFixture;
}

/** Pushes the hostile images; needs the course fixtures (the base layers) in place. */
export async function pushHostileFixtures(
  registry: TestRegistry,
  course: CourseFixtures,
): Promise<HostileFixtures> {
  const pusher = new Pusher(registry);
  const child = (name: string, seed: string, platform: FakePlatform, onBase?: Blob[]) =>
    pushImage(pusher, name, undefined, {
      format: 'oci',
      platform,
      layers: [fakeLayer(seed)],
      ...(onBase ? { mountFrom: { name: BASE_NAME, layers: onBase } } : {}),
    });
  const learner = async (dockerId: string, push: (name: string) => Promise<PushedManifest>) => {
    const name = `${dockerId}/${REPOSITORY}`;
    return { dockerId, name, pushed: await push(name) };
  };
  /** Pushes `count` children side by side (the registry takes them in any order). */
  const many = (count: number, push: (i: number) => Promise<IndexChild>) =>
    Promise.all(Array.from({ length: count }, (_, i) => push(i)));

  const nestedIndexes = (name: string) =>
    many(HOSTILE_ENTRIES, async (i) => {
      const leaf = await child(name, `nest ${i}`, AMD64);
      const inner = await pushIndex(pusher, name, `inner-${i}`, 'oci', [
        { manifest: leaf, platform: AMD64 },
        { manifest: leaf, platform: AMD64 },
      ]);
      return { manifest: inner, platform: AMD64 };
    });

  const [manyAmd64, duplicates, nested, nestedInDisguise, manyOnBase, platformFlood, twoPlatformsNotOnBase] =
    await Promise.all([
      learner('hostileamd', async (name) => {
        const children = await many(HOSTILE_ENTRIES, async (i) => ({
          manifest: await child(name, `amd ${i}`, AMD64),
          platform: AMD64,
        }));
        return pushIndex(pusher, name, TAG, 'oci', children);
      }),
      learner('hostiledup', async (name) => {
        const only = { manifest: await child(name, 'dup', AMD64), platform: AMD64 };
        return pushIndex(pusher, name, TAG, 'oci', Array(HOSTILE_ENTRIES).fill(only));
      }),
      learner('hostilenest', async (name) => pushIndex(pusher, name, TAG, 'oci', await nestedIndexes(name))),
      learner('hostilemask', async (name) => {
        const disguised = (await nestedIndexes(name)).map((entry) => ({
          ...entry,
          manifest: { ...entry.manifest, mediaType: MEDIA.ociManifest },
        }));
        return pushIndex(pusher, name, TAG, 'oci', disguised);
      }),
      learner('hostilebase', async (name) => {
        const first = {
          manifest: await child(name, 'on base', AMD64, course.base.amd64Layers),
          platform: AMD64,
        };
        const rest = await many(HOSTILE_ENTRIES - 1, async (i) => ({
          manifest: await child(name, `base ${i}`, AMD64),
          platform: AMD64,
        }));
        return pushIndex(pusher, name, TAG, 'oci', [first, ...rest]);
      }),
      learner('hostileplat', async (name) => {
        const madeUp = await many(HOSTILE_ENTRIES, async (i) => {
          const platform = { ...AMD64, variant: `v${i + 1}` };
          return { manifest: await child(name, `plat ${i}`, platform), platform };
        });
        const arm = await child(name, 'flood arm', ARM64, course.base.arm64Layers);
        const amd = await child(name, 'flood amd', AMD64, course.base.amd64Layers);
        return pushIndex(pusher, name, TAG, 'oci', [
          ...madeUp,
          { manifest: arm, platform: ARM64 },
          { manifest: amd, platform: AMD64 },
        ]);
      }),
      learner('twoplatforms', async (name) =>
        pushIndex(pusher, name, TAG, 'oci', [
          { manifest: await child(name, 'own amd', AMD64), platform: AMD64 },
          { manifest: await child(name, 'own arm', ARM64), platform: ARM64 },
        ]),
      ),
    ]);

  registry.resetCounts();
  return {
    manyAmd64,
    duplicates,
    nested,
    nestedInDisguise,
    manyOnBase,
    platformFlood,
    twoPlatformsNotOnBase,
  };
}

/** The manifest GETs that reached the registry (through the counting proxy). */
export function manifestGets(registry: TestRegistry): number {
  return registry.requests.filter(
    (request) => request.method === 'GET' && request.path.includes('/manifests/'),
  ).length;
}
