import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { particleAfter } from '../../src/i18n/particles.js';
import { fillTemplate, parameterNames } from '../../src/i18n/template.js';

describe('particles chosen from the word a reader sees', () => {
  it.each([
    ['레슨', '을/를', '을'],
    ['태그', '을/를', '를'],
    ['`johndoe`', '을/를', '를'],
    ['**v1**', '이/가', '이'],
    ['**A**', '이에요/예요', '예요'],
    ['**L**', '으로/로', '로'],
    ['**M**', '이/가', '이'],
    ['`image-gallery`', '으로/로', '로'],
    ['`diamol/base`', '와/과', '와'],
    ['Step 3', '이/가', '이'],
    ['문제 2', '이/가', '가'],
    ['10', '은/는', '은'],
    ['`registry`', '이/가', '가'],
    ['`latest`', '을/를', '를'],
    ['`main`', '이/가', '이'],
    ['`docker-registry.local`', '은/는', '은'],
    ['길', '으로/로', '로'],
  ] as const)('%s + %s → %s', (word, particle, form) => {
    expect(particleAfter(word, particle)).toBe(form);
  });

  it('fills parameters first, so the particle fits the learner’s value', () => {
    expect(fillTemplate('혹시 `{name}`{을/를} 입력하려던 건가요?', { name: 'johndoe' })).toBe(
      '혹시 `johndoe`를 입력하려던 건가요?',
    );
    expect(fillTemplate('혹시 `{name}`{을/를} 입력하려던 건가요?', { name: 'yangwonjun' })).toBe(
      '혹시 `yangwonjun`을 입력하려던 건가요?',
    );
    expect(t('ko', 'quiz.incorrect', { key: 'D' })).toBe('❌ 아쉬워요. 고른 답은 **D**예요.');
    expect(t('ko', 'quiz.incorrect', { key: 'L' })).toBe('❌ 아쉬워요. 고른 답은 **L**이에요.');
  });

  it('keeps a forgotten parameter visible and names only real parameters', () => {
    expect(fillTemplate('{a}{이/가} {b}', { a: '값' })).toBe('값이 {b}');
    expect(parameterNames('{b}{을/를} {a} {b}')).toEqual(['a', 'b']);
  });

  it('reads a very long run of digits or letters', () => {
    const digits = '1'.repeat(200_000);
    expect(particleAfter(`${digits}0`, '이/가')).toBe('이');
    expect(particleAfter('a'.repeat(200_000), '을/를')).toBe('를');
  });
});
