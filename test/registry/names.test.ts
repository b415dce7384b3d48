import { describe, expect, it } from 'vitest';
import {
  checkDockerId,
  checkLearnerImage,
  checkRepository,
  checkTag,
  parseImageReference,
} from '../../src/registry/names.js';

describe('checkDockerId', () => {
  it.each(['yangwonjun', 'abcd', 'a1b2c3', 'x'.repeat(30)])('accepts %s', (id) => {
    expect(checkDockerId(id)).toEqual({ ok: true, value: id });
  });

  it('trims surrounding whitespace (pasted values often carry it)', () => {
    expect(checkDockerId('  learner1 \n')).toEqual({ ok: true, value: 'learner1' });
  });

  it.each([
    ['', 'empty', undefined],
    ['abc', 'too-short', undefined],
    ['x'.repeat(31), 'too-long', undefined],
    ['YangWonJun', 'uppercase', 'yangwonjun'],
    ['@everyone', 'mention', undefined],
    ['<@123456789012345678>', 'mention', undefined],
    ['https://hub.docker.com/u/yangwonjun', 'url', 'yangwonjun'],
    ['https://hub.docker.com/r/yangwonjun/image-gallery', 'url', 'yangwonjun'],
    ['https://example.com/u/yangwonjun', 'url', undefined],
    ['docker.io/yangwonjun', 'registry-prefix', 'yangwonjun'],
    ['../etc', 'path', undefined],
    ['yangwonjun/image-gallery', 'path', 'yangwonjun'],
    ['yang\u200Bwonjun', 'non-ascii', 'yangwonjun'], // zero-width space
    ['yang wonjun', 'whitespace', undefined],
    ['yangwоnjun', 'non-ascii', 'yangwonjun'], // Cyrillic о
    ['ｙａｎｇｗｏｎｊｕｎ', 'non-ascii', 'yangwonjun'], // full-width
    ['양원준', 'non-ascii', undefined],
    ['yang_wonjun', 'characters', undefined],
    ['yang-wonjun', 'characters', undefined],
  ])('refuses %j with hint %s', (raw, hint, suggestion) => {
    const result = checkDockerId(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: 'dockerId', code: 'docker-id-invalid', hint, ...(suggestion ? { suggestion } : {}) },
    ]);
  });
});

describe('checkRepository and checkTag', () => {
  it.each(['image-gallery', 'a', 'my.app', 'my__app', 'my_app', 'a--b'])('accepts repository %s', (name) => {
    expect(checkRepository(name)).toEqual({ ok: true, value: name });
  });

  it.each([
    ['Image-Gallery', 'uppercase', 'image-gallery'],
    ['-gallery', 'characters', undefined],
    ['gallery.', 'characters', undefined],
    ['a/b', 'path', undefined],
    ['..', 'path', undefined],
    ['imаge', 'non-ascii', 'image'],
    ['', 'empty', undefined],
  ])('refuses repository %j with hint %s', (raw, hint, suggestion) => {
    const result = checkRepository(raw);
    expect(result.ok ? [] : result.problems).toEqual([
      { field: 'repository', code: 'repository-invalid', hint, ...(suggestion ? { suggestion } : {}) },
    ]);
  });

  it.each(['v1', 'latest', 'V1.0-rc_1', '_x', 'a'.repeat(128)])('accepts tag %s', (tag) => {
    expect(checkTag(tag)).toEqual({ ok: true, value: tag });
  });

  it.each([
    ['', 'empty'],
    ['.v1', 'characters'],
    ['-v1', 'characters'],
    ['a'.repeat(129), 'too-long'],
    ['v1/../x', 'path'],
    ['v 1', 'whitespace'],
    ['v１', 'non-ascii'],
  ])('refuses tag %j with hint %s', (raw, hint) => {
    const result = checkTag(raw);
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.hint])).toEqual([['tag-invalid', hint]]);
  });
});

describe('checkLearnerImage', () => {
  it('returns the reference with the registry name', () => {
    expect(checkLearnerImage({ dockerId: 'learner1', repository: 'image-gallery', tag: 'v1' })).toEqual({
      ok: true,
      value: {
        namespace: 'learner1',
        repository: 'image-gallery',
        tag: 'v1',
        name: 'learner1/image-gallery',
      },
    });
  });

  it('reports every bad field at once', () => {
    const result = checkLearnerImage({ dockerId: 'AB', repository: 'Bad Repo', tag: '' });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      'docker-id-invalid',
      'repository-invalid',
      'tag-invalid',
    ]);
  });

  it('refuses over-long raw input as too long before any pattern or suggestion runs', () => {
    // Within Discord's limits nobody types this, but the console and forged values can.
    const huge = `${'a'.repeat(20_000)}!`;
    expect(checkLearnerImage({ dockerId: huge, repository: huge, tag: huge })).toEqual({
      ok: false,
      problems: [
        { field: 'dockerId', code: 'docker-id-invalid', hint: 'too-long' },
        { field: 'repository', code: 'repository-invalid', hint: 'too-long' },
        { field: 'tag', code: 'tag-invalid', hint: 'too-long' },
      ],
    });
    expect(checkRepository(`${'a'.repeat(255)}`)).toEqual({ ok: true, value: 'a'.repeat(255) });
    expect(checkRepository(`${'a'.repeat(256)}`).ok).toBe(false);
    expect(parseImageReference(`diamol/${'b'.repeat(20_000)}`).ok).toBe(false);
  });

  it('refuses a whole name over 255 characters', () => {
    const result = checkLearnerImage({ dockerId: 'learner1', repository: 'r'.repeat(250), tag: 'v1' });
    expect(result.ok ? [] : result.problems).toEqual([
      { field: 'name', code: 'name-too-long', hint: 'too-long' },
    ]);
  });
});

describe('parseImageReference', () => {
  it.each([
    ['alpine', 'library/alpine', 'latest'],
    ['diamol/base', 'diamol/base', 'latest'],
    ['docker.io/diamol/base:2e', 'diamol/base', '2e'],
    ['index.docker.io/library/alpine:3.20', 'library/alpine', '3.20'],
    ['docker.io/nginx', 'library/nginx', 'latest'],
  ])('%s → %s:%s', (raw, name, tag) => {
    expect(parseImageReference(raw)).toMatchObject({ ok: true, value: { name, tag } });
  });

  it.each([
    '',
    'ghcr.io/x/y',
    'localhost:5000/x',
    'a/b/c',
    'Diamol/base',
    'diamol/base@sha256:00',
    '../base',
  ])('refuses %j', (raw) => {
    expect(parseImageReference(raw).ok).toBe(false);
  });
});
