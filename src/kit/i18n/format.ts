import { interfaceLanguage, LOCALES, type Language } from './languages.ts';
import type { MessageKey } from './messages/en.ts';
import type { Translate } from './translate.ts';

/**
 * Dates as readers of each language expect them: 14 Jun 2026, 14. Juni 2026. Fixed to UTC so
 * builds are reproducible.
 */
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

export function formatDate(isoDate: string, lang?: string): string {
  const language = interfaceLanguage(lang);
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

export { formatNumber } from './translate.ts';

const percentFormats = new Map<Language, Intl.NumberFormat>();

/** A whole percentage (0-100) as the language writes it: 85%, 85 % (de, fi, sv). */
export function formatPercent(percent: number, lang?: string): string {
  const language = interfaceLanguage(lang);
  let format = percentFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(language, format);
  }
  return format.format(percent / 100);
}

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/** A moment to the second, in UTC, for logs: "14 Jun 2026, 09:05:31", "14.06.2026, 09:05:31". */
export function formatDateTime(isoMoment: string, lang?: string): string {
  const language = interfaceLanguage(lang);
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
    dateTimeFormats.set(language, format);
  }
  return format.format(new Date(isoMoment));
}

/**
 * A page type as readers see it: "Policy", "FAQ"; a type the interface has no word for keeps
 * its own. Takes the translator (kit/i18n/index.ts on the server, kit/i18n/client.ts in the browser) so
 * that browser scripts do not pull in every catalogue.
 */
export function typeLabel(type: string, t: Translate): string {
  const key = `type.${type}`;
  const label = t(key as MessageKey);
  return label === key ? type.charAt(0).toUpperCase() + type.slice(1) : label;
}
