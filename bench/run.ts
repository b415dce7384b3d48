/**
 * `npm run bench`: runs every benchmark module present and prints its numbers;
 * `npm run bench -- --json` prints one JSON object with all keys instead;
 * `npm run bench -- reliability` (any module names) runs only those modules.
 * Add a module with one line in `modules`.
 */
import { existsSync } from 'node:fs';

type BenchResult = Record<string, number>;

interface BenchModule {
  /** File beside this one. */
  file: string;
  /** The exported async function returning the module's numbers. */
  run: string;
}

const modules: BenchModule[] = [
  { file: './content.ts', run: 'runContentBench' },
  { file: './content-bounds.ts', run: 'runContentBoundsBench' },
  { file: './store.ts', run: 'runStoreBench' },
  { file: './verify.ts', run: 'runVerifyBench' },
  { file: './runtime.ts', run: 'runRuntimeBench' },
  { file: './pictures.ts', run: 'runPicturesBench' },
  { file: './memory.ts', run: 'runMemoryBench' },
  { file: './reliability.ts', run: 'runReliabilityBench' },
];

async function runModule(module: BenchModule): Promise<BenchResult | undefined> {
  const url = new URL(module.file, import.meta.url);
  if (!existsSync(url)) return undefined;
  const loaded = (await import(url.href)) as Record<string, unknown>;
  const run = loaded[module.run];
  if (typeof run !== 'function') throw new Error(`${module.file} does not export ${module.run}()`);
  return (await run()) as BenchResult;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(3);
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const chosen = wanted.length
    ? modules.filter((module) => wanted.some((name) => module.file === `./${name}.ts`))
    : modules;
  if (chosen.length < wanted.length) throw new Error(`unknown bench module among: ${wanted.join(', ')}`);
  const merged: BenchResult = {};
  for (const module of chosen) {
    // Progress goes to stderr so `--json` leaves exactly one JSON object on stdout.
    process.stderr.write(`bench: ${module.file} …\n`);
    const result = await runModule(module);
    if (!result) {
      process.stderr.write(`bench: ${module.file} not present, skipped\n`);
      continue;
    }
    Object.assign(merged, result);
    if (!json) {
      const width = Math.max(...Object.keys(result).map((key) => key.length));
      for (const [key, value] of Object.entries(result))
        console.log(`${key.padEnd(width)}  ${formatNumber(value)}`);
    }
  }
  if (json) console.log(JSON.stringify(merged));
}

await main();
