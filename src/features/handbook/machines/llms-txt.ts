/**
 * /llms.txt (llmstxt.org): the handbook for a language model in one short Markdown file. An H1
 * with the site's name, a one-line summary in a block quote, then one H2 per section of the
 * handbook (its navigation groups, in the site's language) listing each page as a link to its
 * clean Markdown copy with the page's summary. The translations follow, one H2 per language.
 * /llms-full.txt is the same handbook with every page's copy in full.
 */
import { absoluteUrl, publicUrlOf, type PageRecord, type SectionRecord, type Settings } from '../../content/index.ts';
import { LANGUAGE_NAMES, isLanguage } from '../../../kit/i18n/index.ts';
import { markdownCopyPath } from './markdown-copy.ts';

export const LLMS_TXT_FILE = 'llms.txt';
export const LLMS_FULL_TXT_FILE = 'llms-full.txt';

export interface HandbookOutline {
  settings: Settings;
  pages: readonly PageRecord[];
  sections: readonly SectionRecord[];
}

/** The pages a reader can open (drafts are not built), in the order of the navigation, grouped by section. */
export function pageGroups(site: HandbookOutline): { title: string; pages: PageRecord[] }[] {
  const visible = site.pages.filter((page) => !page.draft);
  const byId = new Map(visible.map((page) => [page.id, page]));
  const groups: { title: string; pages: PageRecord[] }[] = [];
  const listed = new Set<string>();
  const visit = (section: SectionRecord) => {
    const pages: PageRecord[] = [];
    const index = section.indexPage ? byId.get(section.indexPage) : undefined;
    for (const page of [index, ...section.pages.map((id) => byId.get(id))]) {
      if (!page || listed.has(page.id)) continue;
      listed.add(page.id);
      pages.push(page);
    }
    if (pages.length > 0) groups.push({ title: section.url === '/' ? site.settings.site.name : section.title, pages });
    for (const url of section.sections) {
      const below = site.sections.find((candidate) => candidate.url === url);
      if (below) visit(below);
    }
  };
  const root = site.sections.find((section) => section.url === '/');
  if (root) visit(root);
  // Whatever no section lists (a page whose section is missing): at the end, never lost.
  const rest = visible.filter((page) => !listed.has(page.id));
  if (rest.length > 0) groups.push({ title: 'Other pages', pages: rest });
  return groups;
}

/** llms.txt: the sections with links to the pages' Markdown copies. */
export function llmsTxt(site: HandbookOutline): string {
  const publicUrl = publicUrlOf(site.settings);
  const siteLang = site.settings.site.lang;
  const groups = pageGroups(site);
  const originals = groups
    .map((group) => ({ ...group, pages: group.pages.filter((page) => !page.translationOf) }))
    .filter((group) => group.pages.length > 0);
  const translations = new Map<string, PageRecord[]>();
  for (const page of groups.flatMap((group) => group.pages)) {
    if (!page.translationOf) continue;
    translations.set(page.lang, [...(translations.get(page.lang) ?? []), page]);
  }
  const count = originals.reduce((total, group) => total + group.pages.length, 0);
  const languages = [...translations.keys()].sort();
  // The languages pages are written in: the site's first.
  const written = [...new Set([siteLang, ...originals.flatMap((group) => group.pages.map((page) => page.lang))])];
  const lines = [
    `# ${site.settings.site.name}`,
    '',
    `> ${oneLine(site.settings.site.name)}: ${count} page${count === 1 ? '' : 's'}, each with its type, owner and review dates; in ${written.map(languageName).join(', ')}${languages.length > 0 ? `, with translations into ${languages.map(languageName).join(', ')}` : ''}.`,
    '',
    `Every link below is a page's clean Markdown copy; the page itself is at the same address without \`index.html.md\` (${publicUrl}/).`,
  ];
  const list = (pages: PageRecord[]) => pages.map((page) => entry(page, publicUrl));
  for (const group of originals) lines.push('', `## ${oneLine(group.title)}`, '', ...list(group.pages));
  for (const lang of languages)
    lines.push('', `## Translations: ${languageName(lang)} (${lang})`, '', ...list(translations.get(lang) ?? []));
  return `${lines.join('\n')}\n`;
}

/** llms-full.txt: llms.txt's heading and summary, then every page's copy in the same order. */
export function llmsFullTxt(site: HandbookOutline, copyOf: (page: PageRecord) => string | undefined): string {
  const [heading] = llmsTxt(site).split('\n## ');
  const pages = pageGroups(site).flatMap((group) => group.pages);
  const copies = pages.map((page) => copyOf(page)?.trim()).filter((copy): copy is string => Boolean(copy));
  // Each copy's own headings go one level down, so the file keeps one H1.
  const demoted = copies.map((copy) => copy.replace(/^(#{1,5}) /gm, '#$1 '));
  return `${(heading as string).trim()}\n\n${demoted.join('\n\n---\n\n')}\n`;
}

function entry(page: PageRecord, publicUrl: string): string {
  const link = `- [${escapeLabel(oneLine(page.title))}](${absoluteUrl(publicUrl, markdownCopyPath(page.url))})`;
  return page.summary ? `${link}: ${oneLine(page.summary)}` : link;
}

function languageName(lang: string): string {
  return isLanguage(lang) ? LANGUAGE_NAMES[lang] : lang;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeLabel(text: string): string {
  return text.replace(/([[\]])/g, '\\$1');
}
