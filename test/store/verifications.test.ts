import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pointsTable } from '../../src/store/index.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
  temp.store.lessons.sync(
    makeCourse(makeLesson({ id: '5.2', steps: ['step-1'] }), makeLesson({ id: '5.3', steps: ['a'] })),
  );
});
afterEach(() => temp.cleanup());

const ref = { guildId, userId: user(1), lessonId: '5.2' };
const attempt = {
  ...ref,
  dockerId: 'alice',
  repository: 'image-gallery',
  tag: 'v1',
  outcome: 'tag-missing',
  digest: null,
  details: { tags: ['latest'], fixStep: 'step-3' },
  at: 1_000,
};

describe('verifications', () => {
  it('keeps every attempt and returns the latest with its details', () => {
    const firstId = temp.store.verifications.record(attempt);
    const secondId = temp.store.verifications.record({
      ...attempt,
      outcome: 'ok',
      digest: 'sha256:1111',
      details: { platform: 'linux/amd64' },
      at: 2_000,
    });
    expect(secondId).toBeGreaterThan(firstId);
    expect(temp.store.verifications.latest({ guildId, userId: user(1) })).toEqual({
      ...attempt,
      attemptId: secondId,
      outcome: 'ok',
      digest: 'sha256:1111',
      details: { platform: 'linux/amd64' },
      at: 2_000,
    });
    expect(temp.store.verifications.latest({ guildId, userId: user(1), lessonId: '5.3' })).toBeUndefined();
    expect(temp.store.verifications.latest({ guildId, userId: user(2) })).toBeUndefined();
  });

  it('awards the verified points once per lesson', () => {
    expect(temp.store.verifications.markVerified({ ...ref, at: 5 })).toEqual({
      firstTime: true,
      pointsAwarded: pointsTable.lessonVerified,
    });
    expect(temp.store.verifications.markVerified({ ...ref, at: 6 })).toEqual({
      firstTime: false,
      pointsAwarded: 0,
    });
    expect(temp.store.leaderboard.rank({ guildId, userId: user(1) })?.points).toBe(
      pointsTable.lessonVerified,
    );
    expect(temp.store.progress.summary({ guildId, userId: user(1) })[0]).toMatchObject({
      lessonId: '5.2',
      verified: true,
      points: pointsTable.lessonVerified,
    });
  });
});

describe('manifest cache', () => {
  it('returns the exact body and media type stored for a digest, and keeps the first write', () => {
    const body = '{\n  "schemaVersion": 2,\n  "mediaType": "application/vnd.oci.image.index.v1+json"\n}';
    expect(temp.store.manifests.get('sha256:aa')).toBeUndefined();
    temp.store.manifests.put('sha256:aa', 'application/vnd.oci.image.index.v1+json', body);
    temp.store.manifests.put('sha256:aa', 'text/plain', 'other');
    expect(temp.store.manifests.get('sha256:aa')).toEqual({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      body,
    });
  });
});
