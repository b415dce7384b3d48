import { describe, expect, it } from 'vitest';
import { parseBearerChallenge } from '../../src/registry/challenge.js';

describe('parseBearerChallenge', () => {
  it('reads Docker Hub’s challenge', () => {
    expect(
      parseBearerChallenge(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull"',
      ),
    ).toEqual({
      realm: 'https://auth.docker.io/token',
      service: 'registry.docker.io',
      scope: 'repository:a/b:pull',
      error: undefined,
    });
  });

  it('keeps commas and escaped quotes inside quoted values, and takes bare tokens', () => {
    expect(
      parseBearerChallenge(
        'bearer  Realm = "https://a.example/token?x=1,2" , scope="repository:a/b:pull,push", error=insufficient_scope, service="say \\"hi\\""',
      ),
    ).toEqual({
      realm: 'https://a.example/token?x=1,2',
      service: 'say "hi"',
      scope: 'repository:a/b:pull,push',
      error: 'insufficient_scope',
    });
  });

  it.each([undefined, '', 'Basic realm="registry"', 'Bearer service="x"', 'Bearer'])(
    'ignores %j',
    (header) => {
      expect(parseBearerChallenge(header)).toBeUndefined();
    },
  );
});
