import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { checkPayloadLimits, LIMIT_RULES, type LimitRule, violationMessageKey } from '../../src/ui/index.js';

const flags = MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral;
const text = (content: string) => ({ type: ComponentType.TextDisplay, content });
const button = (customId: string, label = 'ok') => ({
  type: ComponentType.Button,
  style: ButtonStyle.Primary,
  custom_id: customId,
  label,
});
const row = (...buttons: unknown[]) => ({ type: ComponentType.ActionRow, components: buttons });
const container = (...components: unknown[]) => ({ type: ComponentType.Container, components });

function rules(payload: Parameters<typeof checkPayloadLimits>[0]): LimitRule[] {
  return checkPayloadLimits(payload).map((violation) => violation.rule);
}

describe('checkPayloadLimits', () => {
  it('accepts a well-formed message', () => {
    expect(rules({ flags, components: [container(text('hi'), row(button('a'), button('b')))] })).toEqual([]);
  });

  it('counts text over all text displays, nested included', () => {
    const payload = { flags, components: [container(text('a'.repeat(2000)), text('b'.repeat(2001)))] };
    expect(checkPayloadLimits(payload)).toEqual([
      { rule: 'textTotal', path: 'components', actual: 4001, limit: 4000 },
    ]);
    expect(rules({ flags, components: [container(text('a'.repeat(2000)), text('b'.repeat(2000)))] })).toEqual(
      [],
    );
  });

  it('counts components recursively (40 at most)', () => {
    const texts = Array.from({ length: 39 }, (_, index) => text(`t${index}`));
    expect(rules({ flags, components: [container(...texts)] })).toEqual([]);
    expect(rules({ flags, components: [container(...texts, text('one more'))] })).toEqual(['componentCount']);
    const buttons = Array.from({ length: 5 }, (_, index) => button(`b${index}`));
    const rows = Array.from({ length: 7 }, (_, index) =>
      row(...buttons.map((b) => ({ ...b, custom_id: `${index}${b.custom_id}` }))),
    );
    expect(rules({ flags, components: [container(...rows)] })).toEqual(['componentCount']);
  });

  it('checks rows, labels and custom ids', () => {
    const six = Array.from({ length: 6 }, (_, index) => button(`b${index}`));
    expect(rules({ flags, components: [row(...six)] })).toEqual(['rowSize']);
    expect(rules({ flags, components: [row()] })).toEqual(['rowSize']);
    expect(rules({ flags, components: [row(button('a', 'x'.repeat(81)))] })).toEqual(['labelLength']);
    expect(rules({ flags, components: [row(button('a', ''))] })).toEqual(['buttonLabel']);
    expect(rules({ flags, components: [row(button('x'.repeat(101)))] })).toEqual(['customIdLength']);
    expect(rules({ flags, components: [row(button('a'), button('a'))] })).toEqual(['customIdDuplicate']);
    expect(rules({ flags, components: [row(button('a')), container(row(button('a')))] })).toEqual([
      'customIdDuplicate',
    ]);
    expect(rules({ flags, components: [row(text('no'))] })).toEqual(['rowSize', 'misplaced']);
    // A container holds what a message's top level holds, but no other container.
    expect(rules({ flags, components: [text('top'), container(text('in'))] })).toEqual([]);
    expect(rules({ flags, components: [container(container(text('nested')))] })).toEqual(['misplaced']);
  });

  it('checks sections, containers, texts and separators', () => {
    const section = (accessory?: unknown, ...texts: unknown[]) => ({
      type: ComponentType.Section,
      components: texts,
      accessory,
    });
    expect(rules({ flags, components: [section(button('a'), text('x'))] })).toEqual([]);
    expect(rules({ flags, components: [section(undefined, text('x'))] })).toEqual(['sectionAccessory']);
    expect(
      rules({ flags, components: [section(button('a'), text('1'), text('2'), text('3'), text('4'))] }),
    ).toEqual(['sectionSize']);
    expect(rules({ flags, components: [section(button('a'), text('x'), row(button('b')))] })).toEqual([
      'misplaced',
    ]);
    expect(rules({ flags, components: [container()] })).toEqual(['emptyContainer']);
    expect(rules({ flags, components: [container(container(text('x')))] })).toEqual(['misplaced']);
    expect(rules({ flags, components: [{ ...container(text('x')), accent_color: 0x1000000 }] })).toEqual([
      'accentColor',
    ]);
    expect(rules({ flags, components: [text('  ')] })).toEqual(['emptyText']);
    expect(rules({ flags, components: [{ type: ComponentType.Separator, spacing: 3 }] })).toEqual([
      'separatorSpacing',
    ]);
  });

  it('refuses content or embeds with Components V2, and an empty message', () => {
    expect(rules({ flags, content: 'hello', components: [text('x')] })).toEqual(['v2Content']);
    expect(rules({ flags, embeds: [{}], components: [text('x')] })).toEqual(['v2Content']);
    expect(rules({ flags, components: [] })).toEqual(['noComponents']);
  });

  it('has a Korean and an English explanation for every rule', () => {
    for (const rule of LIMIT_RULES) {
      for (const locale of ['ko', 'en'] as const) {
        const message = t(locale, violationMessageKey(rule), { actual: 41, limit: 40 });
        expect(message).not.toContain('content.limit');
        expect(message.length).toBeGreaterThan(5);
      }
    }
    expect(t('ko', violationMessageKey('componentCount'), { actual: 41, limit: 40 })).toBe(
      '구성 요소가 41개예요 (최대 40개).',
    );
  });
});
