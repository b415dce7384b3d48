import { ComponentType, MessageFlags } from 'discord-api-types/v10';
import { LIMITS } from '../../../src/ui/limits.js';

/**
 * Discord's own checks on a message as it will be stored, so a payload the real Discord
 * would refuse with 400 is refused here too (discord.js builders do not check these). The
 * numbers are the bot's one table of Discord's limits (src/ui/limits.ts).
 */

interface MessageShape {
  content: string;
  embeds: readonly Record<string, unknown>[];
  components: readonly Record<string, unknown>[];
  attachmentCount: number;
  flags: number;
}

type Component = Record<string, unknown>;

function childrenOf(component: Component): Component[] {
  const children: Component[] = [];
  if (Array.isArray(component.components)) children.push(...(component.components as Component[]));
  if (component.accessory && typeof component.accessory === 'object') {
    children.push(component.accessory as Component);
  }
  return children;
}

/** Visits every component depth first, including section accessories. */
export function walkComponents(
  components: readonly Component[],
  visit: (component: Component) => void,
): void {
  for (const component of components) {
    visit(component);
    walkComponents(childrenOf(component), visit);
  }
}

function embedLength(embed: Record<string, unknown>): number {
  const text = (value: unknown) => (typeof value === 'string' ? value.length : 0);
  const nested = (value: unknown, key: string) =>
    value && typeof value === 'object' ? text((value as Record<string, unknown>)[key]) : 0;
  const fields = Array.isArray(embed.fields) ? (embed.fields as Record<string, unknown>[]) : [];
  return (
    text(embed.title) +
    text(embed.description) +
    nested(embed.footer, 'text') +
    nested(embed.author, 'name') +
    fields.reduce((sum, field) => sum + text(field.name) + text(field.value), 0)
  );
}

/** Returns Discord-style error descriptions; empty when the message is acceptable. */
export function messageProblems(message: MessageShape): string[] {
  const problems: string[] = [];
  const isV2 = (message.flags & MessageFlags.IsComponentsV2) !== 0;
  if (!message.content && message.embeds.length === 0 && message.components.length === 0) {
    if (message.attachmentCount === 0) problems.push('Cannot send an empty message');
  }
  if (isV2 && (message.content || message.embeds.length > 0)) {
    problems.push('content and embeds cannot be used with the IS_COMPONENTS_V2 flag');
  }

  let componentCount = 0;
  let textLength = 0;
  const customIds = new Set<string>();
  walkComponents(message.components, (component) => {
    componentCount += 1;
    if (component.type === ComponentType.TextDisplay && typeof component.content === 'string') {
      textLength += component.content.length;
    }
    if (component.type === ComponentType.ActionRow) {
      const buttons = childrenOf(component).filter((child) => child.type === ComponentType.Button);
      if (buttons.length > LIMITS.buttonsPerRow)
        problems.push(`an action row holds ${buttons.length} buttons (max ${LIMITS.buttonsPerRow})`);
    }
    if (typeof component.custom_id === 'string') {
      if (component.custom_id.length > LIMITS.customId)
        problems.push(`custom_id longer than ${LIMITS.customId} characters`);
      if (customIds.has(component.custom_id)) problems.push(`duplicate custom_id ${component.custom_id}`);
      customIds.add(component.custom_id);
    }
  });
  if (isV2 && componentCount > LIMITS.components)
    problems.push(`${componentCount} components (max ${LIMITS.components})`);
  if (isV2 && textLength > LIMITS.textTotal)
    problems.push(`text displays hold ${textLength} characters (max ${LIMITS.textTotal})`);
  if (!isV2 && message.components.length > LIMITS.legacyRows)
    problems.push(`more than ${LIMITS.legacyRows} action rows`);
  const embedTotal = message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  if (embedTotal > LIMITS.embedTotal)
    problems.push(`embeds hold ${embedTotal} characters (max ${LIMITS.embedTotal})`);
  return problems;
}

/** Discord numbers components it stores (depth first, from 1) when the sender gave no id. */
export function numberComponents(components: readonly Component[]): Component[] {
  let next = 1;
  const taken = new Set<number>();
  walkComponents(components, (component) => {
    if (typeof component.id === 'number') taken.add(component.id);
  });
  const copy = (component: Component): Component => {
    const result: Component = { ...component };
    if (typeof result.id !== 'number') {
      while (taken.has(next)) next += 1;
      result.id = next;
      taken.add(next);
    }
    if (Array.isArray(component.components)) {
      result.components = (component.components as Component[]).map(copy);
    }
    if (component.accessory && typeof component.accessory === 'object') {
      result.accessory = copy(component.accessory as Component);
    }
    return result;
  };
  return components.map(copy);
}
