import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/index.js';
import type { Picture } from '../../../src/ui/pictures/index.js';
import { PictureCache } from '../../../src/ui/pictures/picture-cache.js';
import { renderFunnelStats } from '../../../src/ui/views/stats.js';

const picture = (name: string): Picture => ({
  png: Buffer.from(name),
  width: 1,
  height: 1,
  description: name,
  boxes: {},
});

describe('PictureCache', () => {
  it('draws once per key and forgets the least recently used past its capacity', () => {
    const cache = new PictureCache(2);
    let draws = 0;
    const draw = (name: string) => () => {
      draws += 1;
      return picture(name);
    };
    expect(cache.get(['a', 1], draw('a')).description).toBe('a');
    expect(cache.get(['a', 1], draw('other')).description).toBe('a');
    cache.get(['b'], draw('b'));
    cache.get(['a', 1], draw('a'));
    cache.get(['c'], draw('c'));
    expect(draws).toBe(3);
    // 'b' was the least recently used and is gone; 'a' was kept.
    cache.get(['a', 1], draw('a'));
    expect(draws).toBe(3);
    cache.get(['b'], draw('b'));
    expect(draws).toBe(4);
    expect(cache.size).toBe(2);
  });
});

describe('/stats funnel picture', () => {
  const context = { t: translator('ko'), locale: 'ko' as const };
  const view = (learners: number, day = '2026-11-20T03:00:00Z') => ({
    lesson: { id: '5.2', title: '도커 허브' },
    scope: {},
    funnel: { opened: 4, steps: [{ stepId: 'step-1', title: 'Step 1: 로그인', learners }] },
    asOf: new Date(day),
  });
  const png = (message: ReturnType<typeof renderFunnelStats>) => message.files?.[0]?.data;

  it('is drawn again only when what it shows changes', () => {
    const first = png(renderFunnelStats(view(3), context));
    expect(png(renderFunnelStats(view(3, '2026-11-20T09:00:00Z'), context))).toBe(first);
    expect(png(renderFunnelStats(view(2), context))).not.toBe(first);
    // Another day is printed on the picture: a new one.
    expect(png(renderFunnelStats(view(3, '2026-11-21T03:00:00Z'), context))).not.toBe(first);
  });
});
