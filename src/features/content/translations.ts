/**
 * Translations beside their originals: `refunds.de.md` translates `refunds.md` and lives at
 * `/de/policies/refunds/`. A translation's front matter carries only what is translated (title,
 * summary, aliases); what describes the page (type, owner, review dates, tags, audience) is the
 * original's. Every page learns its other languages, for the language switcher and hreflang.
 */
import type { Problem } from './problems.ts';
import type { PageRecord } from './types.ts';

export function linkTranslations(pages: readonly PageRecord[]): Problem[] {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const problems: Problem[] = [];
  const languages = new Map<PageRecord, PageRecord[]>();
  for (const page of pages) {
    if (!page.translationOf) continue;
    const original = byUrl.get(page.translationOf);
    const originalFile = page.file.replace(/\.[a-z]{2}(\.mdx?)$/i, '$1');
    if (!original || original.translationOf) {
      problems.push({
        severity: 'error',
        code: 'TRANSLATION_WITHOUT_ORIGINAL',
        file: page.file,
        message: `the name says this is a translation (.${page.lang}), but there is no ${originalFile} beside it to translate`,
        hint: `add the original as ${originalFile}, or rename this file if it is not a translation`,
      });
      continue;
    }
    if (original.lang === page.lang) {
      problems.push({
        severity: 'error',
        code: 'TRANSLATION_IN_ORIGINAL_LANGUAGE',
        file: page.file,
        message: `the name says this is a translation into ${page.lang}, the language ${original.file} is written in`,
        hint: `name a translation after the language it is in, e.g. ${originalFile.replace(/(\.mdx?)$/i, '.de$1')}`,
      });
      continue;
    }
    inheritFrom(original, page);
    page.translationStale = page.translatedFrom !== original.textVersion;
    if (page.translatedFrom === undefined) {
      problems.push({
        severity: 'warning',
        code: 'TRANSLATION_UNVERSIONED',
        file: page.file,
        message: `the translation does not say which version of ${original.file} it was made from, so readers are told it may be out of date`,
        hint: `once it says what the original says, run npm run translation -- --mark ${page.file}`,
      });
    }
    languages.set(original, [...(languages.get(original) ?? []), page]);
  }
  for (const [original, translations] of languages) {
    const all = [original, ...translations].sort((a, b) => a.lang.localeCompare(b.lang));
    for (const page of all) page.translations = all.filter((other) => other !== page).map(({ lang, url }) => ({ lang, url }));
  }
  return problems;
}

/** What describes the page, as opposed to what is written in it, comes from the original. */
function inheritFrom(original: PageRecord, translation: PageRecord): void {
  translation.type = original.type;
  if (translation.ownerFrom !== 'front-matter') {
    if (original.owner) translation.owner = original.owner;
    else delete translation.owner;
    if (original.ownerFrom) translation.ownerFrom = original.ownerFrom;
  }
  if (translation.reviewedFrom !== 'front-matter') {
    for (const field of ['reviewed', 'reviewedFrom', 'reviewDue'] as const) {
      if (original[field]) Object.assign(translation, { [field]: original[field] });
      else delete translation[field];
    }
    translation.reviewEvery = original.reviewEvery;
  }
  if (translation.tags.length === 0) translation.tags = [...original.tags];
  if (translation.audience.length === 0) translation.audience = [...original.audience];
}

/** Pages in the site's own structure: originals, not translations (listings, modules, reviews). */
export function isOriginal(page: Pick<PageRecord, 'translationOf'>): boolean {
  return page.translationOf === undefined;
}
