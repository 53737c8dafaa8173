/**
 * The helpdesk sidebar (/embed/): a compact search made to live in a 320-400 px frame of a
 * helpdesk (Zendesk, Freshdesk, ...). Pure rules, shared by its page, its browser script and
 * the server's headers: which addresses may be framed, the sidebar's language, the link a
 * result copies and opens.
 */
import { interfaceLanguage, type Language } from '../../kit/i18n/languages.ts';

export const EMBED_PATH = '/embed/';
/** Where the sign-in window lands after signing in: it says so and closes itself. */
export const SIGNED_IN_PATH = '/embed/signed-in/';
/** How many results the sidebar lists. */
export const SIDEBAR_RESULTS = 10;

/**
 * The one address other sites may frame (KNOWHOW_FRAME_ANCESTORS): every other page stays
 * unframeable, so no other site can lay a page with forms or buttons under its own.
 */
export function isEmbedPath(pathname: string): boolean {
  return pathname === '/embed/' || pathname === '/embed';
}

/** The sidebar speaks the signed-in person's language, else the one its address asks for (?lang=), else the site's. */
export function sidebarLanguage(
  personLang: string | null | undefined,
  askedLang: string | null | undefined,
  siteLang: string | null | undefined,
): Language {
  return interfaceLanguage(personLang, askedLang, siteLang);
}

/** The pages searched: those in the sidebar's language where the handbook has some, else the site's. */
export function searchLanguageFor(sidebarLang: Language, contentLangs: Iterable<string>, siteLang: string): string {
  for (const lang of contentLangs) if (interfaceLanguage(lang) === sidebarLang && lang.split('-')[0] === sidebarLang) return lang;
  return siteLang;
}

/** A result's address, absolute and at its best-matching section: what "Copy link" copies and "Open" opens. */
export function resultLink(origin: string, url: string, anchor: string): string {
  const link = new URL(url, origin);
  if (anchor) link.hash = anchor;
  return link.href;
}

/** A section's anchor as words ("refund-window" -> "Refund window"), for the line that says where a result opens. */
export function anchorWords(anchor: string): string {
  let words = anchor;
  try {
    words = decodeURIComponent(anchor);
  } catch {
    // A malformed escape stays as it is.
  }
  words = words.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toLocaleUpperCase() + words.slice(1) : '';
}

/** The interface's words the sidebar's script uses (kit/i18n clientMessages). */
export const SIDEBAR_MESSAGE_KEYS = ['sidebar.', 'type.', 'reviewState.current', 'reviewState.overdue', 'search.noMatch', 'search.tooMany'];
