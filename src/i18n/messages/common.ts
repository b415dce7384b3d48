/** Messages shared by every part of the bot. Korean is the source; English must have every key. */
export const ko = {
  'common.yes': '예',
  'common.no': '아니요',
  'error.generic': '⚠️ 처리 중 문제가 생겼어요. 잠시 후 다시 시도해 주세요. (오류 ID: {errorId})',
} as const;

export const en = {
  'common.yes': 'Yes',
  'common.no': 'No',
  'error.generic': '⚠️ Something went wrong. Please try again in a moment. (error id: {errorId})',
} satisfies Record<keyof typeof ko, string>;
