/**
 * API errors as a page shows them to a person. The JSON API answers in English, with messages
 * that name the exact problem; a page in another language shows the same error in that language,
 * in the words of its code (`error.<CODE>` in the catalogues). English pages keep the API's own
 * message, which says more.
 */
import type { ErrorCode } from '../server/errors.ts';
import { interfaceLanguage } from './languages.ts';
import type { MessageKey } from './messages/en.ts';
import type { Translate } from './translate.ts';

export function errorKey(code: ErrorCode): MessageKey {
  return `error.${code}`;
}

export function pageErrorMessage(error: { code?: string; message: string }, lang: string | undefined, t: Translate): string {
  if (interfaceLanguage(lang) === 'en' || !error.code) return error.message;
  return t(errorKey(error.code as ErrorCode));
}

/**
 * Per-field errors as a form shows them. The API's field messages are English and precise
 * ("write an email address, e.g. ..."); a page in another language shows its own words for the
 * field (`messages`, by the field's name before any `.0`), else the error code's.
 */
export function pageFieldErrors(
  fields: Record<string, string>,
  lang: string | undefined,
  messages: Record<string, string>,
  fallback: string,
): Record<string, string> {
  if (interfaceLanguage(lang) === 'en') return fields;
  return Object.fromEntries(Object.keys(fields).map((field) => [field, messages[field.split('.')[0] ?? field] ?? fallback]));
}
