/**
 * `npm run render:samples [-- --out DIR]`: draws every picture for every sample input (typical,
 * empty, huge, hostile) and writes them as PNG files (default `samples/pictures/`), printing
 * each path, so a person can look at them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { translator } from '../../../i18n/index.js';
import { renderCertificate } from '../certificate.js';
import type { PictureContext } from '../context.js';
import { renderFunnelPicture } from '../funnel-picture.js';
import { renderProgressCard } from '../progress-card.js';
import { certificateSamples, funnelSamples, progressCardSamples, type Sample } from '../samples.js';
import type { Picture } from '../sketch.js';

const t = translator('ko');

function outputDir(args: readonly string[]): string | null {
  const at = args.indexOf('--out');
  if (at === -1) return 'samples/pictures';
  const dir = args[at + 1];
  return dir && !dir.startsWith('--') ? dir : null;
}

function renderAll<Input>(
  samples: readonly Sample<Input>[],
  render: (input: Input, context: PictureContext) => Picture,
  dir: string,
): void {
  for (const sample of samples) {
    const picture = render(sample.input, { t: translator(sample.locale), locale: sample.locale });
    const file = join(dir, `${sample.name}.${sample.locale}.png`);
    writeFileSync(file, picture.png);
    console.log(`${file}  ${picture.width}×${picture.height}`);
  }
}

function main(): number {
  const dir = outputDir(process.argv.slice(2));
  if (dir === null) {
    console.error(t('pictures.cli.usage'));
    return 2;
  }
  const absolute = resolve(dir);
  mkdirSync(absolute, { recursive: true });
  renderAll(funnelSamples, renderFunnelPicture, absolute);
  renderAll(progressCardSamples, renderProgressCard, absolute);
  renderAll(certificateSamples, renderCertificate, absolute);
  return 0;
}

process.exitCode = main();
