import { type FakePlatform, fakeLayer, type IndexChild, pushImage, pushIndex } from './images.js';
import { type Blob, type PushedManifest, Pusher } from './push.js';
import type { TestRegistry } from './start-registry.js';
import type { Credentials } from './token-server.js';

export const BASE_NAME = 'diamol/base';
export const BASE_TAG = 'latest';
export const REPOSITORY = 'image-gallery';
export const TAG = 'v1';

const AMD64: FakePlatform = { os: 'linux', architecture: 'amd64' };
const ARM64: FakePlatform = { os: 'linux', architecture: 'arm64', variant: 'v8' };
const S390X: FakePlatform = { os: 'linux', architecture: 's390x' };

export interface LearnerFixture {
  dockerId: string;
  /** `dockerId/image-gallery` */
  name: string;
  /** What `v1` points at: the digest /verify must report. */
  pushed: PushedManifest;
}

export interface CourseFixtures {
  base: {
    list: PushedManifest;
    amd64: PushedManifest;
    arm64: PushedManifest;
    amd64Layers: Blob[];
    arm64Layers: Blob[];
  };
  /** Docker v2 manifest, linux/amd64, base layers + 2 (what `docker push` from Linux sends). */
  single: LearnerFixture;
  /** OCI index: linux/amd64 child + an `unknown/unknown` attestation (Docker Desktop / buildx). */
  ociIndex: LearnerFixture;
  /** Docker manifest list with linux/amd64 and linux/arm64 children, each on its base. */
  multiArch: LearnerFixture;
  /** An image with its own layers only. */
  notFromBase: LearnerFixture;
  /** The base image's layers and nothing more (the base retagged under the learner's name). */
  noOwnLayer: LearnerFixture;
  /** Only linux/s390x, a platform the base does not have. */
  otherPlatform: LearnerFixture;
  /** Built from the base but private: readable only with `reader`. */
  privateRepo: LearnerFixture & { reader: Credentials };
  /** A public repository that has tags, but not `v1`. */
  otherTagOnly: LearnerFixture;
}

/** What a learner does when /verify asks for proof: the same image pushed under the proof tag. */
export function pushProofTag(
  registry: TestRegistry,
  learner: LearnerFixture,
  tag: string,
): Promise<PushedManifest> {
  return new Pusher(registry).tagManifest(learner.name, tag, learner.pushed);
}

/** Pushes the course's images: diamol/base (multi-arch) and one learner per case. */
export async function pushCourseFixtures(registry: TestRegistry): Promise<CourseFixtures> {
  const pusher = new Pusher(registry);
  const amd64Layers = [fakeLayer('base amd64 1'), fakeLayer('base amd64 2')];
  const arm64Layers = [fakeLayer('base arm64 1'), fakeLayer('base arm64 2')];
  const baseAmd64 = await pushImage(pusher, BASE_NAME, undefined, {
    format: 'docker',
    platform: AMD64,
    layers: amd64Layers,
  });
  const baseArm64 = await pushImage(pusher, BASE_NAME, undefined, {
    format: 'docker',
    platform: ARM64,
    layers: arm64Layers,
  });
  const baseList = await pushIndex(pusher, BASE_NAME, BASE_TAG, 'docker', [
    { manifest: baseAmd64, platform: AMD64 },
    { manifest: baseArm64, platform: ARM64 },
  ]);

  const onBase = (platform: FakePlatform, layers: Blob[], seed: string) => ({
    platform,
    mountFrom: { name: BASE_NAME, layers },
    layers: [fakeLayer(`${seed} app`), fakeLayer(`${seed} web`)],
  });

  const learner = async (dockerId: string, push: (name: string) => Promise<PushedManifest>) => {
    const name = `${dockerId}/${REPOSITORY}`;
    return { dockerId, name, pushed: await push(name) };
  };

  const single = await learner('learner1', (name) =>
    pushImage(pusher, name, TAG, { format: 'docker', ...onBase(AMD64, amd64Layers, 'learner1') }),
  );

  const ociIndex = await learner('ocilearner', async (name) => {
    const child: IndexChild = {
      manifest: await pushImage(pusher, name, undefined, {
        format: 'oci',
        ...onBase(AMD64, amd64Layers, 'oci'),
      }),
      platform: AMD64,
    };
    return pushIndex(pusher, name, TAG, 'oci', [child], child);
  });

  const multiArch = await learner('multiarch', async (name) => {
    const amd = await pushImage(pusher, name, undefined, {
      format: 'docker',
      ...onBase(AMD64, amd64Layers, 'multi amd'),
    });
    const arm = await pushImage(pusher, name, undefined, {
      format: 'docker',
      ...onBase(ARM64, arm64Layers, 'multi arm'),
    });
    return pushIndex(pusher, name, TAG, 'docker', [
      { manifest: amd, platform: AMD64 },
      { manifest: arm, platform: ARM64 },
    ]);
  });

  const notFromBase = await learner('notbase', (name) =>
    pushImage(pusher, name, TAG, {
      format: 'docker',
      platform: AMD64,
      layers: [fakeLayer('scratch 1'), fakeLayer('scratch 2'), fakeLayer('scratch 3')],
    }),
  );

  const noOwnLayer = await learner('baseonly', (name) =>
    pushImage(pusher, name, TAG, {
      format: 'docker',
      platform: AMD64,
      mountFrom: { name: BASE_NAME, layers: amd64Layers },
      layers: [],
    }),
  );

  const otherPlatform = await learner('s390learner', async (name) => {
    const child: IndexChild = {
      manifest: await pushImage(pusher, name, undefined, {
        format: 'oci',
        platform: S390X,
        layers: [fakeLayer('s390 1'), fakeLayer('s390 2')],
      }),
      platform: S390X,
    };
    return pushIndex(pusher, name, TAG, 'oci', [child], child);
  });

  const reader: Credentials = { username: 'secretlearner', password: 'reader-token' };
  const privateRepo = {
    ...(await learner('secretlearner', (name) =>
      pushImage(pusher, name, TAG, { format: 'docker', ...onBase(AMD64, amd64Layers, 'secret') }),
    )),
    reader,
  };
  registry.tokenServer.privateRepositories.set(privateRepo.name, [reader]);

  const otherTagOnly = await learner('othertag', (name) =>
    pushImage(pusher, name, 'latest', { format: 'docker', ...onBase(AMD64, amd64Layers, 'othertag') }),
  );

  registry.resetCounts();
  return {
    base: { list: baseList, amd64: baseAmd64, arm64: baseArm64, amd64Layers, arm64Layers },
    single,
    ociIndex,
    multiArch,
    notFromBase,
    noOwnLayer,
    otherPlatform,
    privateRepo,
    otherTagOnly,
  };
}
