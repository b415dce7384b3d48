import { translator } from '../../../../src/i18n/index.js';
import type { PictureContext } from '../../../../src/ui/pictures/index.js';

/** What a Korean and an English client's pictures are drawn with. */
export const ko: PictureContext = { t: translator('ko'), locale: 'ko' };
export const en: PictureContext = { t: translator('en'), locale: 'en' };
