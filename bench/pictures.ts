/**
 * Picture benchmarks (numbers, not pass/fail): drawing and PNG-encoding each picture from
 * typical input — lesson 5.2's funnel, a three-lesson progress card, a certificate — plus the
 * largest funnel (the row limit reached). The fonts are registered before timing starts.
 */
import { performance } from 'node:perf_hooks';
import { translator } from '../src/i18n/index.js';
import {
  type Picture,
  type PictureContext,
  renderCertificate,
  renderFunnelPicture,
  renderProgressCard,
} from '../src/ui/pictures/index.js';
import { certificateSamples, funnelSamples, progressCardSamples } from '../src/ui/pictures/samples.js';
import { summarize } from './support/measure.js';

const samples = 60;
const warmup = 5;
const context: PictureContext = { t: translator('ko'), locale: 'ko' };

function sample<Input>(list: readonly { name: string; locale: string; input: Input }[], name: string): Input {
  const found = list.find((entry) => entry.name === name && entry.locale === 'ko');
  if (!found) throw new Error(`No sample ${name}`);
  return found.input;
}

/**
 * Wall time per render, and the process's CPU time per render: on a busy machine the wall time
 * includes waiting for a core, the CPU time does not.
 */
function timeMs<Input>(render: (input: Input, context: PictureContext) => Picture, input: Input) {
  for (let i = 0; i < warmup; i++) render(input, context);
  const times: number[] = [];
  let bytes = 0;
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    bytes = render(input, context).png.length;
    times.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = Math.round(((cpu.user + cpu.system) / 1000 / samples) * 1000) / 1000;
  return { ...summarize(times), cpuMs, bytes };
}

export async function runPicturesBench(): Promise<Record<string, number>> {
  const funnel = timeMs(renderFunnelPicture, sample(funnelSamples, 'funnel-typical'));
  const hugeFunnel = timeMs(renderFunnelPicture, sample(funnelSamples, 'funnel-huge'));
  const card = timeMs(renderProgressCard, sample(progressCardSamples, 'card-typical'));
  const certificate = timeMs(renderCertificate, sample(certificateSamples, 'certificate-typical'));
  return {
    'pictures.funnelMs': funnel.medianMs,
    'pictures.funnelP99Ms': funnel.p99Ms,
    'pictures.funnelCpuMs': funnel.cpuMs,
    'pictures.funnelHugeMs': hugeFunnel.medianMs,
    'pictures.funnelHugeCpuMs': hugeFunnel.cpuMs,
    'pictures.cardMs': card.medianMs,
    'pictures.cardP99Ms': card.p99Ms,
    'pictures.cardCpuMs': card.cpuMs,
    'pictures.certificateMs': certificate.medianMs,
    'pictures.certificateP99Ms': certificate.p99Ms,
    'pictures.certificateCpuMs': certificate.cpuMs,
    'pictures.funnelKiB': Math.round(funnel.bytes / 1024),
    'pictures.cardKiB': Math.round(card.bytes / 1024),
    'pictures.certificateKiB': Math.round(certificate.bytes / 1024),
  };
}
