import { ComponentType } from 'discord-api-types/v10';
import type { AnyComponent } from './limits.js';

export interface PlainButton {
  label: string;
  customId: string;
}

export interface PlainPayload {
  /** The message as a learner reads it; pressable buttons appear as `[n: label]`. */
  text: string;
  /** The pressable buttons, in the order of their numbers (`buttons[0]` is `[1: …]`). */
  buttons: PlainButton[];
}

const SEPARATOR_LINE = '────────────────────';

/**
 * Turns a rendered payload into plain text for the local console and content:preview. Enabled
 * buttons are numbered (`[2: 다음 ▶]`) so the console can say "press 2"; disabled ones show
 * as `(label)`.
 */
export function payloadToText(payload: { components?: readonly unknown[] }): PlainPayload {
  const buttons: PlainButton[] = [];
  const buttonText = (component: AnyComponent): string => {
    const label = typeof component.label === 'string' ? component.label : '';
    if (component.disabled === true || typeof component.custom_id !== 'string') return `(${label})`;
    buttons.push({ label, customId: component.custom_id });
    return `[${buttons.length}: ${label}]`;
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
  const text = (payload.components ?? []).flatMap((component) => lines(component as AnyComponent)).join('\n');
  return { text, buttons };
}
