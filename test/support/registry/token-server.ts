import { randomUUID, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from './listen.js';
import type { SigningKey } from './signing-key.js';

export interface Credentials {
  username: string;
  password: string;
}

export interface TokenRequestRecord {
  /** The requested scopes, as sent. */
  scopes: string[];
  /** The Basic user, when the caller sent credentials. */
  username: string | undefined;
  /** The access granted, after dropping what the caller may not have. */
  granted: { name: string; actions: string[] }[];
}

export interface TokenServer {
  url: string;
  realm: string;
  host: string;
  service: string;
  issuer: string;
  requests: TokenRequestRecord[];
  /** Repositories that exist (pushed); anonymous callers may pull only these. */
  knownRepositories: Set<string>;
  /** Private repositories and who may pull them (besides the admin). */
  privateRepositories: Map<string, Credentials[]>;
  admin: Credentials;
  stop(): Promise<void>;
}

export interface TokenServerOptions {
  key: SigningKey;
  service?: string;
  issuer?: string;
  expiresInSeconds?: number;
  admin?: Credentials;
}

/**
 * A Docker-Hub-like token endpoint: it always issues a token, silently dropping the scopes
 * the caller may not have, so a missing and a private repository look the same to the client.
 */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const service = options.service ?? 'test-registry';
  const issuer = options.issuer ?? 'test-token-issuer';
  const admin = options.admin ?? { username: 'admin', password: 'admin-secret' };
  const requests: TokenRequestRecord[] = [];
  const knownRepositories = new Set<string>();
  const privateRepositories = new Map<string, Credentials[]>();

  const grant = (scope: string, caller: Credentials | undefined) => {
    const match = /^repository:([^:]+):(.+)$/.exec(scope);
    if (!match) return undefined;
    const [, name, actionList] = match as unknown as [string, string, string];
    const wanted = actionList.split(',');
    const isAdmin = caller?.username === admin.username && caller.password === admin.password;
    if (isAdmin) return { name, actions: wanted };
    const readers = privateRepositories.get(name);
    const mayPull = readers
      ? readers.some((reader) => reader.username === caller?.username && reader.password === caller?.password)
      : knownRepositories.has(name);
    const actions = wanted.filter((action) => action === 'pull' && mayPull);
    return { name, actions };
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://token.invalid');
    const caller = basicCredentials(req.headers.authorization);
    const scopes = url.searchParams.getAll('scope').flatMap((scope) => scope.split(' '));
    const granted = scopes
      .map((scope) => grant(scope, caller))
      .filter((entry): entry is { name: string; actions: string[] } => entry !== undefined);
    requests.push({ scopes, username: caller?.username, granted });
    if (url.pathname !== '/token') {
      res.writeHead(404).end();
      return;
    }
    const expiresIn = options.expiresInSeconds ?? 300;
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(options.key, {
      iss: issuer,
      sub: caller?.username ?? '',
      aud: url.searchParams.get('service') ?? service,
      exp: now + expiresIn,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access: granted
        .filter((entry) => entry.actions.length > 0)
        .map((entry) => ({ type: 'repository', ...entry })),
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        token,
        access_token: token,
        expires_in: expiresIn,
        issued_at: new Date().toISOString(),
      }),
    );
  };

  const server = createServer(handle);
  const port = await listenOnLoopback(server);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    realm: `${url}/token`,
    host: `127.0.0.1:${port}`,
    service,
    issuer,
    requests,
    knownRepositories,
    privateRepositories,
    admin,
    stop: () => closeServer(server),
  };
}

function basicCredentials(header: string | undefined): Credentials | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** ES256 JWT; JOSE wants the raw r||s signature, not DER. */
function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'ES256', kid: key.kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
    key: key.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${header}.${payload}.${base64url(signature)}`;
}
