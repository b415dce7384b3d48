import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { translator } from '../../src/i18n/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sampleFile = path.join(repoRoot, 'data/lessons/05-02-push-image-to-docker-hub.md');
export const sampleText = readFileSync(sampleFile, 'utf8');
export const fixturesDir = path.join(repoRoot, 'test/fixtures/lessons');
export const ko = translator('ko');
export const en = translator('en');
/** A 20-digit owner id: the longest Discord can send. */
export const LONG_OWNER = '12345678901234567890';
export const OWNER = '123456789012345678';

/** Builds a small lesson file; sections are appended as written. */
export function lessonText(body: string, title = '테스트 레슨'): string {
  return `---\ntitle: '${title}'\nauthorNick: '테스터'\ncreatedAt: '2025-01-01'\n---\n\n${body}`;
}
