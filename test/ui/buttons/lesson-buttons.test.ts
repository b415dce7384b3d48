import { describe, expect, it } from 'vitest';
import { releaseClaimIds } from '../../../src/ui/buttons/claim-buttons.js';
import {
  type CustomId,
  decodeCustomId,
  encodeCustomId,
  MAX_LESSON_ID_LENGTH,
} from '../../../src/ui/index.js';
import { LONG_OWNER, OWNER } from '../../content/helpers.js';

const longLesson = '9'.repeat(MAX_LESSON_ID_LENGTH);
const base = { lessonId: '5.2', ownerId: OWNER, version: '0123abcd' };

const everyKind: CustomId[] = [
  { kind: 'page', ...base, page: 3, from: 2 },
  { kind: 'reveal', ...base, page: 2, details: 1 },
  { kind: 'quiz', ...base },
  { kind: 'answer', ...base, question: 1, option: 'B', right: 1 },
  { kind: 'next', ...base, question: 2, right: 0 },
  { kind: 'finish', ...base },
];

describe('custom id codec', () => {
  it('round-trips every kind', () => {
    for (const value of everyKind) {
      const raw = encodeCustomId(value);
      expect(decodeCustomId(raw)).toEqual({ ok: true, value });
    }
    expect(encodeCustomId(everyKind[3]!)).toBe(`ls:answer:5.2:1:B:1:${OWNER}:0123abcd`);
  });

  it('still reads quiz buttons shipped before the run count (a deploy keeps them pressable)', () => {
    expect(decodeCustomId(`ls:answer:5.2:1:B:${OWNER}:0123abcd`)).toEqual({
      ok: true,
      value: { kind: 'answer', ...base, question: 1, option: 'B', right: 0 },
    });
    expect(decodeCustomId(`ls:next:5.2:2:${OWNER}:0123abcd`)).toEqual({
      ok: true,
      value: { kind: 'next', ...base, question: 2, right: 0 },
    });
    expect(decodeCustomId(`ls:next:5.2:2:x:${OWNER}:0123abcd`)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('stays within 100 characters with 20-digit ids, the longest lesson id and the largest numbers', () => {
    const worst: CustomId[] = [
      {
        kind: 'reveal',
        lessonId: longLesson,
        ownerId: LONG_OWNER,
        version: 'ffffffff',
        page: 9999,
        details: 9999,
      },
      {
        kind: 'answer',
        lessonId: longLesson,
        ownerId: LONG_OWNER,
        version: 'ffffffff',
        question: 9999,
        option: 'Z',
        right: 9999,
      },
    ];
    for (const value of worst) {
      const raw = encodeCustomId(value);
      expect(raw.length).toBeLessThanOrEqual(100);
      expect(decodeCustomId(raw)).toEqual({ ok: true, value });
    }
  });

  it('refuses to encode values it could not read back', () => {
    expect(() =>
      encodeCustomId({ ...base, kind: 'page', page: 1, from: 0, lessonId: `${longLesson}9` }),
    ).toThrow();
    expect(() => encodeCustomId({ ...base, kind: 'page', page: 1, from: 0, lessonId: 'a:b' })).toThrow();
    expect(() => encodeCustomId({ ...base, kind: 'page', page: -1, from: 0 })).toThrow();
    expect(() => encodeCustomId({ ...base, kind: 'quiz', ownerId: 'me' })).toThrow();
  });

  it('recognises tampered, truncated and foreign ids without throwing', () => {
    const good = encodeCustomId({ kind: 'page', ...base, page: 3, from: 2 });
    const cases: [unknown, string][] = [
      [good.replace('ls:', 'xx:'), 'malformed'],
      [good.replace(':page:', ':jump:'), 'unknown-kind'],
      [good.replace(':3:', ':03:'), 'malformed'],
      [good.replace(':3:', ':-3:'), 'malformed'],
      [good.replace(':3:', ':3.5:'), 'malformed'],
      [good.replace(':3:', ':1e3:'), 'malformed'],
      [good.replace(OWNER, '12345'), 'malformed'],
      [good.replace('0123abcd', '0123ABCD'), 'malformed'],
      [`${good}:extra`, 'malformed'],
      [good.slice(0, -9), 'malformed'],
      [`ls:answer:5.2:1:b:${OWNER}:0123abcd`, 'malformed'],
      [`ls:page:${'9'.repeat(40)}:1:${OWNER}:0123abcd`, 'malformed'],
      [`${good}${'0'.repeat(100)}`, 'malformed'],
      ['', 'malformed'],
      ['ls', 'malformed'],
      ['ls:', 'unknown-kind'],
      [':::::', 'malformed'],
      [null, 'malformed'],
      [42, 'malformed'],
    ];
    for (const [raw, reason] of cases) {
      expect(decodeCustomId(raw), String(raw)).toEqual({ ok: false, reason });
    }
  });
});

describe('the claim release button id', () => {
  it('keeps the wire format buttons already on screens carry: claim:release:<learner>:<instructor>', () => {
    const raw = `claim:release:${LONG_OWNER}:${OWNER}`;
    expect(releaseClaimIds.decode(raw)).toEqual({ learnerId: LONG_OWNER, ownerId: OWNER });
    expect(releaseClaimIds.encode({ learnerId: LONG_OWNER, ownerId: OWNER })).toBe(raw);
    for (const tampered of [`${raw}:x`, raw.replace('release', 'keep'), `claim:release:12:${OWNER}`, '']) {
      expect(releaseClaimIds.decode(tampered), tampered).toBeNull();
    }
    expect(() => releaseClaimIds.encode({ learnerId: 'me', ownerId: OWNER })).toThrow(RangeError);
  });
});
