import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/index.js';
import type { LearnerWeek, WeeklyDigest } from '../../../src/services/digests.js';
import { checkPayloadLimits } from '../../../src/ui/limits.js';
import { payloadToText } from '../../../src/ui/plain-text.js';
import { renderDigest } from '../../../src/ui/views/digest.js';

const t = translator('ko');

function digestWith(learners: LearnerWeek[]): WeeklyDigest {
  return {
    groupName: '@everyone 화요일 **저녁반**',
    from: Date.parse('2026-02-23T00:00:00Z'),
    to: Date.parse('2026-03-02T00:00:00Z'),
    learners,
    stoppedAt: {
      lessonId: '05-02',
      lessonTitle: '5.2',
      stepId: 'step-3',
      stepIndex: 2,
      stepTitle: '태그 붙이기',
      members: 7,
    },
    rank: { rank: 2, outOf: 5, points: 340 },
    inactive: 4,
    members: learners.length,
    schedule: { day: 0, hour: 9 },
    timeZone: 'Asia/Seoul',
  };
}

const lessons = Array.from({ length: 30 }, (_, index) => ({
  lessonId: `lesson-${index}`,
  title: `레슨 ${index}`,
}));

describe('weekly digest view', () => {
  it('fits one message whatever the group size, and says how many more there were', () => {
    const learners = Array.from({ length: 5_000 }, (_, index) => ({
      userId: String(1_300_000_000_000_010_000n + BigInt(index)),
      displayName: `<@${index}> ${'긴이름'.repeat(40)}`,
      completed: lessons,
      verified: lessons,
    }));
    const message = renderDigest(digestWith(learners), t);
    expect(checkPayloadLimits(message)).toEqual([]);
    const { text } = payloadToText(message);
    expect(text).toMatch(/… 외 \d+명/);
    expect(text).toContain('(5000명)');
    expect(text).not.toMatch(/<@!?\d+>/);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('names nobody inactive: only the count', () => {
    const message = renderDigest(
      digestWith([{ userId: '1', displayName: '김학습', completed: lessons.slice(0, 1), verified: [] }]),
      t,
    );
    const { text } = payloadToText(message);
    expect(text).toContain('- **김학습** · ✅ 완료 lesson-0');
    expect(text).toContain('7일 넘게 학습 기록이 없는 멤버: **4명** (전체 1명)');
    expect(text).toContain('레슨 05-02 · 3단계 「태그 붙이기」 · 멤버 7명');
    expect(text).toContain('스터디 그룹 5개 중 **2위**');
    expect(text).toContain('\\@everyone');
  });
});
