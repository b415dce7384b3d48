import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateSamples, funnelSamples, progressCardSamples } from '../../../src/ui/pictures/samples.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `npm run render:samples` the way npm does (npx tsx …) from the repository root. */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/ui/pictures/cli/render-samples.ts', ...args],
      { cwd: repoRoot, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let out: string;
beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'picture-samples-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('npm run render:samples', () => {
  it('writes every sample of every picture into --out and prints each path', async () => {
    const dir = path.join(out, 'nested', 'pictures');
    const result = await run(['--out', dir]);
    expect(result.code).toBe(0);
    const files = (await readdir(dir)).sort();
    const expected = [...funnelSamples, ...progressCardSamples, ...certificateSamples]
      .map((sample) => `${sample.name}.${sample.locale}.png`)
      .sort();
    expect(files).toEqual(expected);
    for (const file of files) {
      expect(result.stdout).toContain(path.join(dir, file));
      const png = PNG.sync.read(await readFile(path.join(dir, file)));
      expect(png.width).toBeGreaterThan(0);
    }
  });

  it('explains its usage when --out has no folder', async () => {
    const result = await run(['--out']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npm run render:samples -- [--out 폴더]');
  });
});
