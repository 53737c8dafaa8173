/**
 * Callout titles in the page's language. remark-callouts gives a callout without a title of its
 * own the English word for its kind ("Note", "Say to the customer"), and the rendered HTML is
 * cached for every page alike; a page in another language gets its own word here, when it is
 * shown (features/site/components/PageBody.astro). A title the author wrote is left as it is.
 */
import { CALLOUT_KINDS, type CalloutKind, isCalloutKind } from './callout-kinds.ts';
import type { Translate } from '../../../kit/i18n/translate.ts';

const CALLOUT =
  /(<aside class="callout callout-([a-z]+)" aria-label=")([^"]*)("[^>]*>\s*<p class="callout-title">(?:<svg[\s\S]*?<\/svg>)?)([^<]*)(<\/p>)/g;

export function translateCalloutTitles(html: string, t: Translate): string {
  if (!html.includes('class="callout ')) return html;
  return html.replace(CALLOUT, (whole, open: string, kind: string, label: string, middle: string, title: string, close: string) => {
    if (!isCalloutKind(kind)) return whole;
    const english = CALLOUT_KINDS[kind as CalloutKind];
    if (label !== english || title !== english) return whole;
    const translated = escapeHtml(t(`callout.${kind as CalloutKind}`));
    return `${open}${translated}${middle}${translated}${close}`;
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
