import { ComponentType } from 'discord-api-types/v10';
import type { AnyComponent } from './limits.js';

export interface PlainButton {
  /** The number the text shows it with (`[number: label]`). */
  number: number;
  label: string;
  customId: string;
}

export interface PlainPayload {
  /** The message as a learner reads it; pressable buttons appear as `[n: label]`. */
  text: string;
  /** The pressable buttons in the order they appear, each with its number. */
  buttons: PlainButton[];
}

/** A button with an id as the payload draws it; disabled ones take no number. */
export interface SeenButton {
  label: string;
  customId: string;
  disabled: boolean;
}

/**
 * Gives each seen button its number (null for a disabled one), aligned with `buttons`. The
 * console fixes the numbers of navigation this way; by default enabled buttons count from 1.
 */
export type ButtonNumbering = (buttons: readonly SeenButton[]) => readonly (number | null)[];

export const numberInOrder: ButtonNumbering = (buttons) => {
  let next = 0;
  return buttons.map((button) => (button.disabled ? null : ++next));
};

const SEPARATOR_LINE = '────────────────────';
/** Stands for the n-th seen button until the numbering is known (never in Discord text). */
const placeholder = (index: number) => `\uE000${index}\uE000`;
const PLACEHOLDER = /\uE000(\d+)\uE000/g;

/**
 * Turns a rendered payload into plain text for the local console and content:preview. Enabled
 * buttons are numbered (`[2: 다음 ▶]`) so the console can say "press 2"; disabled ones show
 * as `(label)`.
 */
export function payloadToText(
  payload: { components?: readonly unknown[] },
  numbering: ButtonNumbering = numberInOrder,
): PlainPayload {
  const seen: SeenButton[] = [];
  const buttonText = (component: AnyComponent): string => {
    const label = typeof component.label === 'string' ? component.label : '';
    if (typeof component.custom_id !== 'string') return `(${label})`;
    seen.push({ label, customId: component.custom_id, disabled: component.disabled === true });
    return placeholder(seen.length - 1);
  };
  const lines = (component: AnyComponent): string[] => {
    const children = Array.isArray(component.components) ? (component.components as AnyComponent[]) : [];
    switch (component.type) {
      case ComponentType.TextDisplay:
        return [typeof component.content === 'string' ? component.content : ''];
      case ComponentType.Separator:
        return [SEPARATOR_LINE];
      case ComponentType.ActionRow:
        return [
          children
            .filter((child) => child.type === ComponentType.Button)
            .map(buttonText)
            .join(' '),
        ];
      case ComponentType.Section: {
        const texts = children.flatMap(lines);
        const accessory = component.accessory as AnyComponent | undefined;
        return accessory?.type === ComponentType.Button ? [...texts, buttonText(accessory)] : texts;
      }
      default:
        return children.flatMap(lines);
    }
  };
  const drawn = (payload.components ?? [])
    .flatMap((component) => lines(component as AnyComponent))
    .join('\n');
  const numbers = numbering(seen);
  const buttons = seen.flatMap((button, index) => {
    const number = numbers[index];
    return button.disabled || number == null
      ? []
      : [{ number, label: button.label, customId: button.customId }];
  });
  const text = drawn.replace(PLACEHOLDER, (_whole, index: string) => {
    const button = seen[Number(index)]!;
    const number = numbers[Number(index)];
    return button.disabled || number == null ? `(${button.label})` : `[${number}: ${button.label}]`;
  });
  return { text, buttons };
}
