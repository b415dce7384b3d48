import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/content/index.js';
import type { Lesson } from '../../../src/content/model.js';
import { translator } from '../../../src/i18n/index.js';
import type { CatalogEntry } from '../../../src/services/catalog.js';
import {
  type LookupOutcome,
  type LookupReport,
  lookupOutcomes,
} from '../../../src/services/verification/image-lookup.js';
import { checkPayloadLimits, payloadToText } from '../../../src/ui/index.js';
import { renderLessonList } from '../../../src/ui/views/lesson-list.js';
import { renderProgress } from '../../../src/ui/views/progress.js';
import { renderVerifyResult } from '../../../src/ui/views/verify.js';
import { describeLookup } from '../../../src/ui/views/verify-outcome.js';
import { liveTokens, markdownOf } from '../../support/discord-markdown/index.js';

const owner = '12345678901234567890';
const course = await loadCourse({ lessonsDir: 'data/lessons' });
const sample = course.entries[0]!;

/** A course far larger than Discord's message can list: 60 lessons with 100-character titles. */
const bigCourse: CatalogEntry[] = Array.from({ length: 60 }, (_, index) => ({
  lesson: { ...sample.lesson, id: `${index + 1}.1`, title: `아주 긴 제목 ${'도커'.repeat(45)}` } as Lesson,
  check: null,
}));

function report(outcome: LookupOutcome): LookupReport {
  return {
    outcome,
    passed: outcome === 'found',
    image: {
      namespace: 'a'.repeat(30),
      repository: 'image-gallery',
      tag: 'v1',
      name: `${'a'.repeat(30)}/image-gallery`,
    },
    digest: `sha256:${'0'.repeat(64)}`,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    platform: 'linux/amd64',
    details: { retryAfterSeconds: 120, cooldownSeconds: 12, baseImage: 'diamol/base:latest' },
    enrichment: null,
    requests: [],
    checkedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('bot views stay within Discord’s limits', () => {
  for (const locale of ['ko', 'en'] as const) {
    const t = translator(locale);

    it(`lists a 60-lesson course in one message, saying how many are left out (${locale})`, () => {
      const payload = renderLessonList(bigCourse, [], t);
      expect(checkPayloadLimits(payload)).toEqual([]);
      const text = payloadToText(payload).text;
      expect(text).toContain('1.1');
      expect(text).toMatch(locale === 'ko' ? /… 외 \d+개/ : /… and \d+ more/);
    });

    it(`shows /progress for a 60-lesson course (${locale})`, () => {
      const payload = renderProgress(
        {
          displayName: '@everyone'.repeat(20),
          entries: bigCourse,
          summaries: [],
          rank: null,
          dockerId: 'a'.repeat(30),
        },
        t,
      );
      expect(checkPayloadLimits(payload)).toEqual([]);
      // The learner's name is shown escaped: no live mention.
      expect(markdownOf(payload).flatMap(liveTokens)).not.toContain('everyone');
    });

    it(`shows an instructor hundreds of possible copies on /progress within limits (${locale})`, () => {
      const digestTwins = Array.from({ length: 300 }, (_, index) => ({
        userId: String(1_300_000_000_000_005_000n + BigInt(index)),
        lessonId: `${index}.1`,
        digest: `sha256:${String(index % 10).repeat(64)}`,
        firstAt: index,
      }));
      const payload = renderProgress(
        {
          displayName: 'learner',
          entries: bigCourse,
          summaries: [],
          rank: null,
          dockerId: 'a'.repeat(30),
          proofTag: 'verify-abc123',
          digestTwins,
        },
        t,
      );
      expect(checkPayloadLimits(payload)).toEqual([]);
      const text = payloadToText(payload).text;
      expect(text).toContain(`<@${digestTwins[0]!.userId}>`);
      expect(text).toContain('`sha256:000000000000…`');
      expect(text).toContain('verify-abc123');
      expect(text).toMatch(locale === 'ko' ? /… 외 \d+건\n?$/ : /… and \d+ more\n?$/);
    });

    it(`renders every /verify outcome with its step buttons (${locale})`, () => {
      for (const outcome of lookupOutcomes) {
        const description = describeLookup(report(outcome), t, 'a'.repeat(30), {
          fixSteps: sample.check!.fixSteps,
          stepTitle: (id) => sample.lesson.steps.find((step) => step.id === id)?.title ?? id,
        });
        const payload = renderVerifyResult(
          {
            lesson: sample.lesson,
            description,
            passed: outcome === 'found',
            earned:
              outcome === 'found'
                ? { reason: 'verified', points: 50, lessonBonus: 0, total: 99_999_999 }
                : null,
            next: outcome === 'found' ? { kind: 'lesson', lesson: sample.lesson, pageIndex: 0 } : null,
            ownerId: owner,
          },
          t,
        );
        expect(checkPayloadLimits(payload), outcome).toEqual([]);
        const shown = payloadToText(payload);
        expect(shown.text).toContain(description.title);
        // A success adds the button to the next lesson.
        expect(shown.buttons).toHaveLength(
          new Set(description.fixStepIds).size + (outcome === 'found' ? 1 : 0),
        );
      }
    });
  }
});
