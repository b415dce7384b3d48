import type { Locale, Translate } from '../../i18n/index.js';

/** What every picture renderer needs besides its data: words, number/date style, time zone. */
export interface PictureContext {
  t: Translate;
  locale: Locale;
  /** IANA time zone for dates (default Asia/Seoul, where the course runs); an unknown one throws a RangeError. */
  timeZone?: string;
}

/** Who a picture is about: the whole server or one study group. */
export type PictureScope = { kind: 'server'; serverName?: string } | { kind: 'group'; groupName: string };

export function scopeLabel(scope: PictureScope, t: Translate): string {
  if (scope.kind === 'group') return t('pictures.scope.group', { group: scope.groupName });
  return scope.serverName
    ? t('pictures.scope.server', { server: scope.serverName })
    : t('pictures.scope.serverUnnamed');
}
