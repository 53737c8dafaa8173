/**
 * The language a reader chose: the one they picked in a page's language switcher, or the one a
 * signed-in person set on /account/ (learnt from GET /api/me by the account menu). Kept in the
 * browser only, so static pages stay the same for everyone.
 */
import { isLanguage, type Language } from '../../../kit/i18n/languages.ts';

const STORAGE_KEY = 'knowhow.language';
/** Sent on `document` when the choice becomes known or changes, for parts of the page that follow it. */
export const LANGUAGE_CHOSEN_EVENT = 'knowhow:language-chosen';

export function chosenLanguage(): Language | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage refused (a private window's policy): no choice is known.
    return undefined;
  }
}

export function rememberLanguage(lang: string | null | undefined): void {
  if (!isLanguage(lang) || lang === chosenLanguage()) return;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    return;
  }
  document.dispatchEvent(new CustomEvent(LANGUAGE_CHOSEN_EVENT, { detail: lang }));
}
