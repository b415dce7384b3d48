import type { Translate } from '../../i18n/index.js';
import type { BoardPeriod } from '../../services/boards.js';
import { type CalendarDate, dateKey } from '../../store/index.js';
import { escapeUserText } from '../escape.js';

/** Longest season name shown (the name is an instructor's text: escaped). */
const maxSeasonName = 50;

const day = (date: CalendarDate) => dateKey(date);

/** "이번 주 (2026-11-30 ~ 2026-12-06)", "이번 달 (2026년 11월)", "시즌 … (2026-11-30 ~)", "전체 기간". */
export function periodLabel(period: BoardPeriod, t: Translate): string {
  switch (period.kind) {
    case 'all':
      return t('boards.period.all');
    case 'week':
      return t('boards.period.week', { from: day(period.from), to: day(period.to) });
    case 'month':
      return t('boards.period.month', { year: period.year, month: String(period.month).padStart(2, '0') });
    case 'season': {
      const name = escapeUserText(period.season.name, { max: maxSeasonName });
      return period.to === null
        ? t('boards.period.season', { name, from: day(period.from) })
        : t('boards.period.seasonEnded', { name, from: day(period.from), to: day(period.to) });
    }
  }
}
