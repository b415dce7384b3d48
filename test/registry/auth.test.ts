import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { TokenProvider } from '../../src/registry/auth.js';
import { createTimedAgent, DEFAULT_REGISTRY_TIMEOUTS, HttpSender } from '../../src/registry/http.js';
import { RequestBudget } from '../../src/registry/request-budget.js';

function provider(registryUrl: string, authHosts: string[]) {
  return new TokenProvider({
    registryUrl: new URL(registryUrl),
    authHosts,
    credentials: { username: 'bot', token: 'secret' },
    http: new HttpSender({
      dispatcher: createTimedAgent(DEFAULT_REGISTRY_TIMEOUTS),
      timeouts: DEFAULT_REGISTRY_TIMEOUTS,
      userAgent: 'test',
    }),
    clock: systemClock,
    logger: undefined,
  });
}

const challenge = (realm: string) => ({
  realm,
  service: 'registry.docker.io',
  scope: undefined,
  error: undefined,
});

describe('which token realms are followed', () => {
  it.each([
    [
      'a host that is not listed',
      'https://registry-1.docker.io',
      ['auth.docker.io'],
      'https://evil.example/token',
    ],
    [
      'a listed host on another port',
      'https://registry-1.docker.io',
      ['auth.docker.io'],
      'https://auth.docker.io:8443/token',
    ],
    [
      'a downgrade from https to http',
      'https://registry-1.docker.io',
      ['auth.docker.io'],
      'http://auth.docker.io/token',
    ],
    [
      'user info in the realm',
      'https://registry-1.docker.io',
      ['auth.docker.io'],
      'https://x@auth.docker.io/token',
    ],
    ['a non-web scheme', 'http://127.0.0.1:5000', ['127.0.0.1:5000'], 'ftp://127.0.0.1:5000/token'],
    ['the registry host on another port', 'http://127.0.0.1:5000', [], 'http://127.0.0.1:5001/token'],
  ])('refuses %s without sending anything', async (_case, registryUrl, authHosts, realm) => {
    const budget = new RequestBudget();
    const result = await provider(registryUrl, authHosts).fetch(
      challenge(realm),
      'repository:a/b:pull',
      budget,
    );
    expect(result).toMatchObject({ ok: false, failure: { kind: 'auth-realm-refused' } });
    expect(budget.requests).toEqual([]);
  });
});
