/**
 * API errors as a page shows them to a person. The JSON API answers in English, with messages
 * that name the exact problem; a page in another language shows the same error in that language,
 * in the words of its code (`error.<CODE>` in the catalogues). English pages keep the API's own
 * message, which says more.
 */
import type { ErrorCode } from '../lib/server/errors.ts';
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
