/**
 * The languages the interface speaks, and the locale each one formats dates and numbers with.
 * Pure: the pages, the server and the browser scripts all use it.
 */
export const LANGUAGES = ['en', 'de', 'pl', 'fi', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The interface's fallback when neither the page nor the site names a language it has. */
export const DEFAULT_LANGUAGE: Language = 'en';

/** Locales for Intl: dates read "14 Jun 2026" in English as before, "14. Juni 2026" in German. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE', pl: 'pl-PL', fi: 'fi-FI', sv: 'sv-SE' };

/** Each language's name in itself, for the language chooser on /account/. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', pl: 'Polski', fi: 'Suomi', sv: 'Svenska' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of the candidates the interface speaks, read by their primary subtag (`de-AT` is
 * German); `en` when none is. Callers list them in order: a person's choice, the page's
 * language, the site's language.
 */
export function interfaceLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const candidate of candidates) {
    const primary = candidate?.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
