import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInContainer,
  type APIContainerComponent,
  type APIFileComponent,
  type APIMediaGalleryComponent,
  type APISectionComponent,
  type APISeparatorComponent,
  type APITextDisplayComponent,
  ButtonStyle,
  ComponentType,
  SeparatorSpacingSize,
} from 'discord-api-types/v10';
import { LIMITS } from './limits.js';

// The Components V2 parts every view is made of, in Discord's JSON shape.

/** Docker blue for lesson pages; green / red for quiz answers. */
export const ACCENT = { lesson: 0x2496ed, quiz: 0x8e6cef, correct: 0x2fb344, incorrect: 0xd64545 } as const;

export function container(accent: number, components: APIComponentInContainer[]): APIContainerComponent {
  return { type: ComponentType.Container, accent_color: accent, components };
}

export function text(content: string): APITextDisplayComponent {
  return { type: ComponentType.TextDisplay, content };
}

export function separator(): APISeparatorComponent {
  return { type: ComponentType.Separator, divider: true, spacing: SeparatorSpacingSize.Small };
}

/** Shortens a label to Discord's 80 characters, ending in "…" when cut. */
export function fitLabel(label: string): string {
  const chars = Array.from(label.trim());
  if (chars.join('').length <= LIMITS.label) return chars.join('');
  let cut = '';
  for (const char of chars) {
    if (cut.length + char.length + 1 > LIMITS.label) break;
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
  for (let start = 0; start < buttons.length; start += LIMITS.buttonsPerRow)
    result.push(row(buttons.slice(start, start + LIMITS.buttonsPerRow)));
  return result;
}

/** Text with a button beside it (the reveal button of a `<details>` element). */
export function sectionWithButton(
  content: string,
  accessory: APIButtonComponentWithCustomId,
): APISectionComponent {
  return { type: ComponentType.Section, components: [text(content)], accessory };
}

/** An image attached to the same message (attachment://name), with its alt text. */
export function gallery(fileName: string, description: string): APIMediaGalleryComponent {
  return {
    type: ComponentType.MediaGallery,
    // Discord refuses a media description longer than 1024 characters.
    items: [{ media: { url: `attachment://${fileName}` }, description: clip(description, 1024) }],
  };
}

/** A file attached to the same message, shown as a file. */
export function fileComponent(name: string): APIFileComponent {
  return { type: ComponentType.File, file: { url: `attachment://${name}` } };
}

/** Cuts a title to `max` characters for headers (pages must stay within the text budget). */
export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

export { ButtonStyle };
