import {
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIButtonComponentWithCustomId,
  type APIComponentInContainer,
  type APIContainerComponent,
  type APIMessageTopLevelComponent,
  type APISectionComponent,
  type APISeparatorComponent,
  type APITextDisplayComponent,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  SeparatorSpacingSize,
} from 'discord-api-types/v10';

/**
 * What every renderer returns: the JSON body of an interaction reply / webhook message
 * (discord-api-types shapes, no discord.js classes). Always ephemeral Components V2 with
 * mentions switched off.
 */
export interface RenderedPayload {
  flags: number;
  components: APIMessageTopLevelComponent[];
  allowed_mentions: APIAllowedMentions;
}

export const PAYLOAD_FLAGS = MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral;

/** Docker blue for lesson pages; green / red for quiz answers. */
export const ACCENT = { lesson: 0x2496ed, quiz: 0x8e6cef, correct: 0x2fb344, incorrect: 0xd64545 } as const;

export function payload(components: APIMessageTopLevelComponent[]): RenderedPayload {
  return { flags: PAYLOAD_FLAGS, components, allowed_mentions: { parse: [] } };
}

export function container(accent: number, components: APIComponentInContainer[]): APIContainerComponent {
  return { type: ComponentType.Container, accent_color: accent, components };
}

export function text(content: string): APITextDisplayComponent {
  return { type: ComponentType.TextDisplay, content };
}

export function separator(): APISeparatorComponent {
  return { type: ComponentType.Separator, divider: true, spacing: SeparatorSpacingSize.Small };
}

export const MAX_BUTTON_LABEL = 80;

/** Shortens a label to Discord's 80 characters, ending in "…" when cut. */
export function fitLabel(label: string): string {
  const chars = Array.from(label.trim());
  if (chars.join('').length <= MAX_BUTTON_LABEL) return chars.join('');
  let cut = '';
  for (const char of chars) {
    if (cut.length + char.length + 1 > MAX_BUTTON_LABEL) break;
    cut += char;
  }
  return `${cut}…`;
}

type ActionStyle = APIButtonComponentWithCustomId['style'];

export function button(
  customId: string,
  label: string,
  style: ActionStyle = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label: fitLabel(label), style, disabled };
}

export function row(
  buttons: APIButtonComponentWithCustomId[],
): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return { type: ComponentType.ActionRow, components: buttons };
}

/** Splits buttons into rows of at most five (Discord's limit per row). */
export function rows(
  buttons: APIButtonComponentWithCustomId[],
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const result: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let start = 0; start < buttons.length; start += 5) result.push(row(buttons.slice(start, start + 5)));
  return result;
}

/** Text with a button beside it (the reveal button of a `<details>` element). */
export function sectionWithButton(
  content: string,
  accessory: APIButtonComponentWithCustomId,
): APISectionComponent {
  return { type: ComponentType.Section, components: [text(content)], accessory };
}

/** Cuts a title to `max` characters for headers (pages must stay within the text budget). */
export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

export { ButtonStyle };
