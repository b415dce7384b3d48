import { execFile } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SigningKey {
  privateKey: KeyObject;
  /** libtrust key id of the public key: what the registry matches a JWT's `kid` against. */
  kid: string;
  /** PEM of the self-signed certificate, the registry's `rootcertbundle`. */
  certificatePath: string;
}

/** A P-256 key and its self-signed certificate, made with openssl in `dir`. */
export async function createSigningKey(dir: string): Promise<SigningKey> {
  const keyPath = join(dir, 'token-signing.key');
  const certificatePath = join(dir, 'token-signing.crt');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certificatePath,
    '-days',
    '2',
    '-subj',
    '/CN=docker-study-bot test token issuer',
  ]);
  const privateKey = createPrivateKey(await readFile(keyPath));
  const certificate = await readFile(certificatePath);
  return { privateKey, kid: libtrustKeyId(createPublicKey(certificate)), certificatePath };
}

/** base32 of the first 30 bytes of sha256(DER SubjectPublicKeyInfo), in 12 groups of 4 joined by ':'. */
export function libtrustKeyId(publicKey: KeyObject): string {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const encoded = base32(createHash('sha256').update(spki).digest().subarray(0, 30));
  return encoded.match(/.{4}/g)!.join(':');
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return output;
}
