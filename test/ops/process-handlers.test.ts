import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./fixtures/stray-errors.ts', import.meta.url));

function run(): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, lines: out.split('\n').filter(Boolean) }));
  });
}

describe('process-level handlers (a real child process)', () => {
  it('logs an unhandled rejection with its interaction and keeps serving; an uncaught exception exits 1', async () => {
    const { code, lines } = await run();
    const logs = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    const served = lines.filter((line) => line.startsWith('served '));

    const rejections = logs.filter((line) => line.msg === 'unhandled promise rejection');
    expect(rejections).toHaveLength(2);
    expect(rejections[0]).toMatchObject({ level: 50, interactionId: 'interaction-1' });
    expect(rejections[1]).toMatchObject({ level: 50, interactionId: 'interaction-2' });
    expect(JSON.stringify(rejections[0])).toContain('stray rejection');
    // Served before and after the first rejection.
    expect(served).toEqual([
      'served interaction-1 answered',
      'served interaction-2 answered',
      'served interaction-3 answered',
    ]);

    const fatal = logs.filter((line) => line.msg === 'uncaught exception');
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ level: 60, interactionId: 'interaction-3' });
    expect(lines).not.toContain('still running after the exception');
    expect(code).toBe(1);
  });
});
