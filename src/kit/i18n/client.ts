/**
 * The interface's words for browser scripts. The component a script fills in carries the
 * messages it needs, in the page's language, in a `data-messages` attribute
 * (clientMessages in kit/i18n/index.ts), so no page ships all five catalogues, nor inline scripts.
 */
import { interfaceLanguage, LOCALES } from './languages.ts';
import type { Catalogue } from './messages/en.ts';
import { type Translate, translator } from './translate.ts';

/**
 * The language of the page's interface: its `<html lang>`, or its `<body lang>` where a
 * person's choice differs from the content's (features/site/layouts/Base.astro).
 */
export function pageLanguage() {
  return interfaceLanguage(document.body?.lang || document.documentElement.lang);
}

export function pageLocale(): string {
  return LOCALES[pageLanguage()];
}

/** A translator over the messages of `element` (or of the first element matching a selector). */
export function clientT(element: Element | string | null | undefined): Translate {
  const found = typeof element === 'string' ? document.querySelector(element) : element;
  let messages: Partial<Catalogue> = {};
  try {
    messages = JSON.parse((found as HTMLElement | null)?.dataset?.messages ?? '{}') as Partial<Catalogue>;
  } catch {
    // Without its messages a script still works: it shows the keys.
  }
  return translator(pageLanguage(), messages);
}
