/** Everything tests need to run /verify against a real registry; the lead's end-to-end tests reuse it. */
export type { InjectedFault } from './counting-proxy.js';
export { type FakeHub, type HubAnswer, hubTagBody, startFakeHub } from './fake-hub.js';
export {
  FAULT_DIGEST,
  FAULT_NAMESPACE,
  FAULTS,
  type FaultServer,
  RATE_LIMIT_RETRY_AFTER_SECONDS,
  startFaultServer,
} from './fault-server.js';
export {
  BASE_NAME,
  BASE_TAG,
  type CourseFixtures,
  type LearnerFixture,
  pushCourseFixtures,
  pushProofTag,
  REPOSITORY,
  TAG,
} from './fixtures.js';
export { HOSTILE_ENTRIES, type HostileFixtures, manifestGets, pushHostileFixtures } from './hostile.js';
export { fakeLayer, pushImage, pushIndex } from './images.js';
export { closedLoopbackPort } from './listen.js';
export { MemoryManifestCache } from './memory-manifest-cache.js';
export { blobOf, digestOf, MEDIA, type PushedManifest, Pusher } from './push.js';
export { startRegistry, type TestRegistry } from './start-registry.js';
