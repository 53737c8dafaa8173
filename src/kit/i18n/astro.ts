/**
 * The interface language of the page being rendered, for pages and components. Set once per
 * page in `Astro.locals.lang`: prerendered pages set it from the page's own language (or the
 * site's), and src/middleware.ts sets it for pages rendered on request from the signed-in
 * person's choice, else the site's language.
 */
import { interfaceLanguage, type Language } from './languages.ts';
import { translate } from './index.ts';
import type { Translate } from './translate.ts';

interface HasLocals {
  locals: App.Locals;
}

export function pageLang(astro: HasLocals): Language {
  return interfaceLanguage(astro.locals.lang);
}

export function pageT(astro: HasLocals): Translate {
  return translate(astro.locals.lang);
}

/** For prerendered pages: the interface speaks the page's language, else the site's. */
export function setPageLang(astro: HasLocals, ...candidates: (string | null | undefined)[]): Language {
  const lang = interfaceLanguage(...candidates);
  astro.locals.lang = lang;
  return lang;
}
