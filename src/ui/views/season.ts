import type { Translate } from '../../i18n/index.js';
import type { Season, SeasonStart } from '../../store/index.js';
import { escapeUserText } from '../escape.js';
import { type Message, noticeMessage } from '../message.js';

const seasonName = (season: Season) => escapeUserText(season.name, { max: 50 });

/** `/season start`: the new season, and the one it ended. */
export function renderSeasonStarted(started: SeasonStart, t: Translate): Message {
  const lines = [t('boards.season.started', { name: seasonName(started.season) })];
  if (started.ended) lines.push(t('boards.season.previousEnded', { name: seasonName(started.ended) }));
  return noticeMessage(lines.join('\n'));
}

/** `/season end`. */
export function renderSeasonEnded(ended: Season, t: Translate): Message {
  return noticeMessage(t('boards.season.ended', { name: seasonName(ended) }));
}
