import { en } from './en';
import type { Locale, Messages } from './types';
import { zhCN } from './zh-CN';

export { LOCALES } from './types';
export type * from './types';

const CATALOGS: Readonly<Record<Locale, Messages>> = { en, 'zh-CN': zhCN };

/** The messages of a locale (English when none is given). */
export function messagesFor(locale: Locale = 'en'): Messages {
  return CATALOGS[locale];
}
