import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/content/index.js';
import { translator } from '../../../src/i18n/index.js';
import { MAX_INDEX_ENTRIES } from '../../../src/registry/base-image.js';
import type { LookupReport } from '../../../src/services/verification/image-lookup.js';
import { checkPayloadLimits, payloadToText } from '../../../src/ui/index.js';
import { renderVerifyResult } from '../../../src/ui/views/verify.js';
import { describeLookup } from '../../../src/ui/views/verify-outcome.js';

const course = await loadCourse({ lessonsDir: 'data/lessons' });
const sample = course.entries[0]!;

/** The longest platform a manifest may name: three 16-character parts. */
const longest = (n: number) =>
  `${'l'.repeat(16)}/${'a'.repeat(14)}${String(n).padStart(2, '0')}/${'v'.repeat(16)}`;

/** The most a hostile index can put into the answer: every considered entry a made-up platform. */
const flood: LookupReport = {
  outcome: 'platform-not-found',
  passed: false,
  image: {
    namespace: 'a'.repeat(30),
    repository: 'image-gallery',
    tag: 'v1',
    name: `${'a'.repeat(30)}/image-gallery`,
  },
  digest: `sha256:${'0'.repeat(64)}`,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  platform: null,
  details: {
    baseImage: 'diamol/base:latest',
    learnerPlatforms: Array.from({ length: MAX_INDEX_ENTRIES }, (_, n) => longest(n)),
    basePlatforms: ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7', 'windows/amd64'],
    skippedEntries: 35_000,
  },
  enrichment: { lastPushed: '2026-01-01T09:15:30Z', fullSizeBytes: 1, platforms: ['linux/amd64'] },
  requests: [],
  checkedAt: '2026-01-01T00:00:00.000Z',
};

describe('the /verify answer for a hostile index', () => {
  for (const locale of ['ko', 'en'] as const) {
    it(`lists every considered platform, says how many entries were skipped, and fits Discord (${locale})`, () => {
      const t = translator(locale);
      const description = describeLookup(flood, t, 'a'.repeat(30), { fixSteps: sample.check!.fixSteps });
      const payload = renderVerifyResult(
        {
          lesson: sample.lesson,
          description,
          passed: false,
          earned: null,
          next: null,
          ownerId: '12345678901234567890',
        },
        t,
      );
      expect(checkPayloadLimits(payload)).toEqual([]);
      const shown = payloadToText(payload).text;
      expect(shown).toContain(longest(MAX_INDEX_ENTRIES - 1));
      expect(shown).toContain('35000');
    });
  }
});
