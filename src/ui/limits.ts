import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { MESSAGE_TEXT_LIMIT } from '../content/paginate.js';
import type { MessageKey } from '../i18n/index.js';

/**
 * Discord's limits for the messages the bot sends (the builders check only some of them). The one
 * table: the checker below, the builders and the test suite's fake Discord all read it.
 */
export const LIMITS = {
  /** All text displays of a Components V2 message together (lessons are paginated to it). */
  textTotal: MESSAGE_TEXT_LIMIT,
  /** Components of a Components V2 message, nested ones included. */
  components: 40,
  buttonsPerRow: 5,
  label: 80,
  customId: 100,
  sectionTexts: 3,
  accentColor: 0xffffff,
  /** Action rows of a message without Components V2. */
  legacyRows: 5,
  /** All embeds of a message together. */
  embedTotal: 6000,
} as const;

export const LIMIT_RULES = [
  'textTotal',
  'componentCount',
  'rowSize',
  'labelLength',
  'buttonLabel',
  'customIdLength',
  'customIdDuplicate',
  'emptyText',
  'sectionSize',
  'sectionAccessory',
  'emptyContainer',
  'misplaced',
  'noComponents',
  'v2Content',
  'separatorSpacing',
  'accentColor',
] as const;

export type LimitRule = (typeof LIMIT_RULES)[number];

export interface LimitViolation {
  rule: LimitRule;
  /** Where in the payload: "components[0].components[3]". */
  path: string;
  actual?: number;
  limit?: number;
}

/** The i18n key explaining a violation (params: actual, limit). */
export function violationMessageKey(rule: LimitRule): MessageKey {
  return `content.limit.${rule}`;
}

/** A component as found in a payload, before knowing its type: every field may be anything. */
export interface AnyComponent {
  type?: unknown;
  components?: unknown;
  accessory?: unknown;
  content?: unknown;
  label?: unknown;
  emoji?: unknown;
  custom_id?: unknown;
  url?: unknown;
  sku_id?: unknown;
  style?: unknown;
  spacing?: unknown;
  accent_color?: unknown;
  disabled?: unknown;
}

/** What a container holds; a message's top level holds the same, and containers. */
const CONTAINER_CHILDREN = [
  ComponentType.ActionRow,
  ComponentType.Section,
  ComponentType.TextDisplay,
  ComponentType.MediaGallery,
  ComponentType.File,
  ComponentType.Separator,
];
const TOP_LEVEL = new Set<unknown>([...CONTAINER_CHILDREN, ComponentType.Container]);
const IN_CONTAINER = new Set<unknown>(CONTAINER_CHILDREN);
const SECTION_CHILDREN = new Set<unknown>([ComponentType.TextDisplay]);
const SELECTS = new Set<unknown>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

/**
 * Checks a Components V2 message body against everything Discord enforces for these
 * components: text total, component count (recursive), buttons per row, label and custom id
 * lengths, unique custom ids, section and container shapes. Returns every violation found.
 */
export function checkPayloadLimits(payload: {
  flags?: number;
  components?: readonly unknown[];
  content?: unknown;
  embeds?: unknown;
}): LimitViolation[] {
  const violations: LimitViolation[] = [];
  const customIds = new Set<string>();
  let textTotal = 0;
  let count = 0;

  const isV2 = ((payload.flags ?? 0) & MessageFlags.IsComponentsV2) !== 0;
  const hasEmbeds = Array.isArray(payload.embeds) && payload.embeds.length > 0;
  if (isV2 && ((typeof payload.content === 'string' && payload.content.length > 0) || hasEmbeds)) {
    violations.push({ rule: 'v2Content', path: 'content' });
  }
  const top = (payload.components ?? []) as AnyComponent[];
  if (top.length === 0) violations.push({ rule: 'noComponents', path: 'components' });

  const button = (component: AnyComponent, path: string) => {
    const label = typeof component.label === 'string' ? component.label : '';
    if (label.length === 0 && !component.emoji) violations.push({ rule: 'buttonLabel', path });
    if (label.length > LIMITS.label) {
      violations.push({ rule: 'labelLength', path, actual: label.length, limit: LIMITS.label });
    }
    if (component.style === ButtonStyle.Link || component.style === ButtonStyle.Premium) return;
    const id = typeof component.custom_id === 'string' ? component.custom_id : '';
    if (id.length === 0 || id.length > LIMITS.customId) {
      violations.push({ rule: 'customIdLength', path, actual: id.length, limit: LIMITS.customId });
    }
    if (customIds.has(id)) violations.push({ rule: 'customIdDuplicate', path });
    customIds.add(id);
  };

  const visit = (component: AnyComponent, path: string, allowed: Set<unknown>) => {
    count += 1;
    if (!allowed.has(component.type)) violations.push({ rule: 'misplaced', path });
    const children = Array.isArray(component.components) ? (component.components as AnyComponent[]) : [];
    switch (component.type) {
      case ComponentType.Container: {
        if (children.length === 0) violations.push({ rule: 'emptyContainer', path });
        const accent = component.accent_color;
        if (accent !== undefined && accent !== null) {
          if (
            !Number.isInteger(accent) ||
            (accent as number) < 0 ||
            (accent as number) > LIMITS.accentColor
          ) {
            violations.push({ rule: 'accentColor', path });
          }
        }
        for (const [index, child] of children.entries()) {
          visit(child, `${path}.components[${index}]`, IN_CONTAINER);
        }
        break;
      }
      case ComponentType.ActionRow: {
        const selects = children.filter((child) => SELECTS.has(child.type)).length;
        const buttons = children.filter((child) => child.type === ComponentType.Button).length;
        const valid = selects === 1 ? children.length === 1 : buttons === children.length;
        if (!valid || children.length === 0 || children.length > LIMITS.buttonsPerRow) {
          violations.push({ rule: 'rowSize', path, actual: children.length, limit: LIMITS.buttonsPerRow });
        }
        children.forEach((child, index) => {
          const childPath = `${path}.components[${index}]`;
          count += 1;
          if (child.type === ComponentType.Button) button(child, childPath);
          else if (!SELECTS.has(child.type)) violations.push({ rule: 'misplaced', path: childPath });
        });
        break;
      }
      case ComponentType.Section: {
        if (children.length === 0 || children.length > LIMITS.sectionTexts) {
          violations.push({ rule: 'sectionSize', path, actual: children.length, limit: LIMITS.sectionTexts });
        }
        for (const [index, child] of children.entries()) {
          visit(child, `${path}.components[${index}]`, SECTION_CHILDREN);
        }
        const accessory = component.accessory as AnyComponent | undefined;
        if (
          !accessory ||
          (accessory.type !== ComponentType.Button && accessory.type !== ComponentType.Thumbnail)
        ) {
          violations.push({ rule: 'sectionAccessory', path });
        } else {
          count += 1;
          if (accessory.type === ComponentType.Button) button(accessory, `${path}.accessory`);
        }
        break;
      }
      case ComponentType.TextDisplay: {
        const content = typeof component.content === 'string' ? component.content : '';
        if (content.trim().length === 0) violations.push({ rule: 'emptyText', path });
        textTotal += content.length;
        break;
      }
      case ComponentType.Separator:
        if (component.spacing !== undefined && component.spacing !== 1 && component.spacing !== 2) {
          violations.push({ rule: 'separatorSpacing', path });
        }
        break;
      default:
        break;
    }
  };

  for (const [index, component] of top.entries()) visit(component, `components[${index}]`, TOP_LEVEL);
  if (textTotal > LIMITS.textTotal) {
    violations.push({ rule: 'textTotal', path: 'components', actual: textTotal, limit: LIMITS.textTotal });
  }
  if (count > LIMITS.components) {
    violations.push({ rule: 'componentCount', path: 'components', actual: count, limit: LIMITS.components });
  }
  return violations;
}

/** Sums the text of every text display (what the 4,000-character limit counts). */
export function payloadTextLength(payload: { components?: readonly unknown[] }): number {
  let total = 0;
  const walk = (component: AnyComponent) => {
    if (component.type === ComponentType.TextDisplay && typeof component.content === 'string') {
      total += component.content.length;
    }
    if (Array.isArray(component.components))
      for (const child of component.components) walk(child as AnyComponent);
  };
  for (const component of payload.components ?? []) walk(component as AnyComponent);
  return total;
}
