import { type ButtonNumbering, decodeCustomId, numberInOrder, type SeenButton } from '../ui/index.js';

/** The console's fixed numbers for a lesson page's navigation, the same on every page. */
export const NAVIGATION_NUMBERS = { back: 1, forward: 2 } as const;

type Slot = keyof typeof NAVIGATION_NUMBERS | 'page' | null;

/**
 * ◀ is a page button to an earlier page, ▶ one to a later page; on the last page the quiz or
 * finish button takes ▶'s place. The disabled `k/n` indicator says the message is a lesson page.
 */
function slotOf(button: SeenButton): Slot {
  const decoded = decodeCustomId(button.customId);
  if (!decoded.ok) return null;
  const press = decoded.value;
  switch (press.kind) {
    case 'page':
      return press.page < press.from ? 'back' : press.page > press.from ? 'forward' : 'page';
    case 'quiz':
    case 'finish':
      return 'forward';
    default:
      return null;
  }
}

/**
 * A lesson page keeps 1 for ◀ and 2 for ▶ (or the quiz/finish button on the last page) whether or
 * not the page has them, so pressing 2 always goes on; its other buttons (👀 펼쳐 보기) count from
 * 3. Any other message numbers its buttons from 1 in order.
 */
export const consoleButtonNumbers: ButtonNumbering = (buttons) => {
  const slots = buttons.map(slotOf);
  if (!slots.includes('page')) return numberInOrder(buttons);
  let next = NAVIGATION_NUMBERS.forward;
  return buttons.map((button, index) => {
    const slot = slots[index];
    if (button.disabled) return null;
    if (slot === 'back' || slot === 'forward') return NAVIGATION_NUMBERS[slot];
    return ++next;
  });
};
