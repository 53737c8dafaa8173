/**
 * Writes the result cards of each language (lib/search/client-data.ts) beside Pagefind's index,
 * from the fragment files Pagefind has just written: a fragment's id is what a Pagefind search
 * returns, and its metadata is what the page declared for results (components/SearchRecord.astro).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type ResultCards, resultCardsFile } from '../lib/search/client-data.ts';
import { parseFragment } from '../lib/search/pagefind-fragment.ts';

const FRAGMENT = /^(.+)_[^_]+\.pf_fragment$/;

export function writeResultCards(pagefindDir: string): void {
  const byLanguage = new Map<string, ResultCards>();
  const fragmentDir = join(pagefindDir, 'fragment');
  for (const name of readdirSync(fragmentDir)) {
    const language = FRAGMENT.exec(name)?.[1];
    if (!language) continue;
    const id = name.replace(/\.pf_fragment$/, '');
    const { url, meta } = parseFragment(gunzipSync(readFileSync(join(fragmentDir, name))).toString('utf8'), id);
    const cards = byLanguage.get(language) ?? {};
    cards[id] = [url, meta.title ?? url, meta.type ?? '', meta.section ?? '', meta.reviewDue ?? ''];
    byLanguage.set(language, cards);
  }
  for (const [language, cards] of byLanguage) writeFileSync(join(pagefindDir, resultCardsFile(language)), JSON.stringify(cards));
}
