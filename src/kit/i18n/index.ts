/**
 * The interface's words in every language it speaks, for the pages and the server. Browser
 * scripts use kit/i18n/client.ts instead, which reads only the page's language from the page.
 */
import { type Language, interfaceLanguage, LOCALES } from './languages.ts';
import { de } from './messages/de.ts';
import { type Catalogue, en, type MessageKey } from './messages/en.ts';
import { fi } from './messages/fi.ts';
import { pl } from './messages/pl.ts';
import { sv } from './messages/sv.ts';
import { type Params, type Translate, translator } from './translate.ts';

export { type Language, interfaceLanguage, LANGUAGES, LANGUAGE_NAMES, isLanguage } from './languages.ts';
export type { MessageKey, Translate, Params };

export const CATALOGUES: Record<Language, Catalogue> = { en, de, pl, fi, sv };

export function messagesFor(lang: string | null | undefined): Catalogue {
  return CATALOGUES[interfaceLanguage(lang)];
}

const translators = new Map<Language, Translate>();

/** The translator of a language; an unknown one gets the site's fallback, English. */
export function translate(lang: string | null | undefined): Translate {
  const language = interfaceLanguage(lang);
  let found = translators.get(language);
  if (!found) {
    found = translator(language, CATALOGUES[language], en);
    translators.set(language, found);
  }
  return found;
}

export function t(lang: string | null | undefined, key: MessageKey, params?: Params): string {
  return translate(lang)(key, params);
}

/**
 * The messages a browser script needs, in one language, as JSON for a `data-messages`
 * attribute of the component the script fills in (kit/i18n/client.ts reads it): each page carries
 * only its own language and only the keys its scripts use. `keys` are keys or prefixes ("ack.").
 */
export function clientMessages(lang: string | null | undefined, ...keys: string[]): string {
  const catalogue = messagesFor(lang);
  const picked = Object.entries(catalogue).filter(([key]) =>
    keys.some((wanted) => (wanted.endsWith('.') ? key.startsWith(wanted) : key === wanted)),
  );
  return JSON.stringify(Object.fromEntries(picked));
}

export function locale(lang: string | null | undefined): string {
  return LOCALES[interfaceLanguage(lang)];
}
