import { describe, expect, it } from 'vitest';
import { commandData } from '../../commands/index.js';
import { GLOSSARY } from '../../src/i18n/glossary.js';
import { allCatalogues, type MessageKey } from '../../src/i18n/index.js';
import { isParticle } from '../../src/i18n/particles.js';
import { parameterNames, particleTokens } from '../../src/i18n/template.js';
import { PARENTHESISED_PARTICLE, POLITE_FORMAL_ENDING } from '../support/korean.js';

const keys = Object.keys(allCatalogues.ko) as MessageKey[];

/** Every Korean text of the registered commands: names, descriptions, choices. */
function commandLocalizations(): string[] {
  const texts: string[] = [];
  const visit = (value: unknown, inKorean: boolean) => {
    if (typeof value === 'string') {
      if (inKorean) texts.push(value);
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [name, inner] of Object.entries(value)) visit(inner, inKorean || name === 'ko');
  };
  for (const data of commandData) visit(data, false);
  return texts;
}

describe('message catalogues', () => {
  it('give every Korean key the same parameters in English', () => {
    const differing = keys.filter(
      (key) =>
        parameterNames(allCatalogues.ko[key]).join(',') !== parameterNames(allCatalogues.en[key]).join(','),
    );
    expect(differing).toEqual([]);
  });

  it('never write a parenthesised particle like 을(를) in either language', () => {
    for (const locale of ['ko', 'en'] as const) {
      const found = keys.filter((key) => PARENTHESISED_PARTICLE.test(allCatalogues[locale][key]));
      expect(found, locale).toEqual([]);
    }
  });

  it('use only particle tokens that exist', () => {
    const bad = keys.flatMap((key) =>
      particleTokens(allCatalogues.ko[key])
        .filter((token) => !isParticle(token))
        .map((token) => `${key}: {${token}}`),
    );
    expect(bad).toEqual([]);
    expect(keys.flatMap((key) => particleTokens(allCatalogues.en[key]))).toEqual([]);
  });

  it('let no fixed particle follow a parameter (its form depends on the word)', () => {
    const fixed =
      /\{[A-Za-z]\w*\}[`*_]*(?: 이에요| 예요|이에요|예요|이|가|을|를|은|는|와|과|으로|로)(?![가-힣])/;
    expect(keys.filter((key) => fixed.test(allCatalogues.ko[key]))).toEqual([]);
  });

  it('use the glossary’s words in Korean messages and command localizations', () => {
    const texts = [...keys.map((key) => `${key}: ${allCatalogues.ko[key]}`), ...commandLocalizations()];
    const avoided = GLOSSARY.flatMap((term) =>
      term.avoid.flatMap((word) =>
        texts.filter((text) => text.includes(word)).map((text) => `${word} → ${term.ko}: ${text}`),
      ),
    );
    expect(avoided).toEqual([]);
  });

  it('speak 해요체 throughout the Korean catalogue', () => {
    const formal = keys.filter((key) => POLITE_FORMAL_ENDING.test(allCatalogues.ko[key]));
    expect(formal.map((key) => `${key}: ${allCatalogues.ko[key]}`)).toEqual([]);
  });
});
