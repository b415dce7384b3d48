import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import type { HttpTimeouts } from '../../src/registry/http.js';
import { RequestBudget } from '../../src/registry/request-budget.js';
import {
  closedLoopbackPort,
  FAULT_DIGEST,
  FAULTS,
  type FaultServer,
  MemoryManifestCache,
  RATE_LIMIT_RETRY_AFTER_SECONDS,
  startFaultServer,
} from '../support/registry/index.js';

let faults: FaultServer;
beforeAll(async () => {
  faults = await startFaultServer();
});
afterAll(async () => faults?.stop());
beforeEach(() => {
  faults.requests.length = 0;
});

/** Generous for the fast cases on a loaded machine; the slow case never answers at all. */
const TIMEOUTS: HttpTimeouts = { connectMs: 5_000, headersMs: 1_500, bodyMs: 1_500, totalMs: 3_000 };

function clientFor(url: string) {
  return new RegistryClient({
    registryUrl: url,
    authHosts: [],
    manifestCache: new MemoryManifestCache(),
    timeouts: TIMEOUTS,
  });
}

async function head(fault: string) {
  const budget = new RequestBudget();
  const outcome = await clientFor(faults.url).headManifest({ name: `faults/${fault}` }, 'v1', budget);
  return { outcome, trace: budget.requests };
}

describe('registry trouble becomes an outcome, with one retry where it can help', () => {
  it('429 → rate-limited with Retry-After, no retry', async () => {
    const { outcome } = await head(FAULTS.rateLimited);
    expect(outcome).toEqual({ kind: 'rate-limited', retryAfterSeconds: RATE_LIMIT_RETRY_AFTER_SECONDS });
    expect(faults.requests).toHaveLength(1);
  });

  it('500 → unavailable http-5xx after exactly one retry', async () => {
    const { outcome } = await head(FAULTS.serverError);
    expect(outcome).toEqual({ kind: 'unavailable', reason: 'http-5xx' });
    expect(faults.requests).toHaveLength(2);
  });

  it('no answer → unavailable timeout after exactly one retry', async () => {
    const { outcome, trace } = await head(FAULTS.slow);
    expect(outcome).toEqual({ kind: 'unavailable', reason: 'timeout' });
    expect(faults.requests).toHaveLength(2);
    expect(trace.map((record) => record.result)).toEqual(['timeout', 'timeout']);
  });

  it('connection reset → unavailable reset after exactly one retry', async () => {
    const { outcome } = await head(FAULTS.reset);
    expect(outcome).toEqual({ kind: 'unavailable', reason: 'reset' });
    expect(faults.requests).toHaveLength(2);
  });

  it('malformed JSON from the token endpoint → unavailable bad-response (HEAD + token, no retry)', async () => {
    const { outcome } = await head(FAULTS.badTokenJson);
    expect(outcome).toEqual({ kind: 'unavailable', reason: 'bad-response' });
    expect(faults.requests.map((request) => request.path.split('?')[0])).toEqual([
      '/v2/faults/bad-token-json/manifests/v1',
      '/token',
    ]);
  });

  it('a realm on an untrusted host → auth-realm-refused and nothing sent to it', async () => {
    const { outcome } = await head(FAULTS.foreignRealm);
    expect(outcome).toMatchObject({
      kind: 'auth-realm-refused',
      realmHost: expect.stringMatching(/^localhost:/),
    });
    expect(faults.requests).toHaveLength(1);
    expect(faults.requests.filter((request) => request.path.startsWith('/token'))).toEqual([]);
  });

  it('200 without a digest header → unavailable bad-response', async () => {
    const { outcome } = await head(FAULTS.noDigest);
    expect(outcome).toEqual({ kind: 'unavailable', reason: 'bad-response' });
  });

  it('reads Docker Hub’s pull limit headers when present', async () => {
    const { outcome } = await head(FAULTS.withPullLimits);
    expect(outcome).toEqual({
      kind: 'found',
      digest: FAULT_DIGEST,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      rateLimit: { limit: 100, remaining: 76, windowSeconds: 21600 },
    });
  });

  it('a closed port → unavailable unreachable, tried twice', async () => {
    const port = await closedLoopbackPort();
    const budget = new RequestBudget();
    const outcome = await clientFor(`http://127.0.0.1:${port}`).headManifest(
      { name: 'faults/any' },
      'v1',
      budget,
    );
    expect(outcome).toEqual({ kind: 'unavailable', reason: 'unreachable' });
    expect(budget.requests.map((record) => record.result)).toEqual(['unreachable', 'unreachable']);
  });
});
