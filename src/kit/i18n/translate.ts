/**
 * Messages by key: `t('trust.owner')`, `t('search.pages', { count: 3 })`. A message is a string
 * with `{name}` parameters, or, where a count changes the words, one string per plural category
 * of the language (Intl.PluralRules: Polish has one, few and many; the others one and other).
 * Pure and small, so the browser scripts use it too (kit/i18n/client.ts).
 */
import { interfaceLanguage, type Language, LOCALES } from './languages.ts';
import type { Catalogue, MessageKey, PluralMessage } from './messages/en.ts';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** `{name}` replaced by its parameter; a placeholder without one stays, for the caller to split on. */
export function interpolate(text: string, params: Params | undefined, lang: Language): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** Numbers as the language writes them; grouped from five digits on, so "2142 days" stays as it was. */
export function formatNumber(value: number, lang: Language): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { useGrouping: 'min2' });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

export function pluralForm(message: PluralMessage, count: number, lang: Language): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    pluralRules.set(lang, rules);
  }
  const category = rules.select(count) as keyof PluralMessage;
  return message[category] ?? message.other;
}

/** A translator over one catalogue (the whole catalogue, or the part a browser script got). */
export function translator(lang: Language, messages: Partial<Catalogue>, fallback?: Partial<Catalogue>): Translate {
  return (key, params) => {
    const message = messages[key] ?? fallback?.[key];
    if (message === undefined) return key;
    const text = typeof message === 'string' ? message : pluralForm(message, Number(params?.count ?? 0), lang);
    return interpolate(text, params, lang);
  };
}

/** Splits a message around a `{placeholder}` that the page fills with markup (a link): [before, after]. */
export function around(text: string, placeholder: string): [string, string] {
  const at = text.indexOf(`{${placeholder}}`);
  if (at < 0) return [text, ''];
  return [text.slice(0, at), text.slice(at + placeholder.length + 2)];
}

export { interfaceLanguage };
