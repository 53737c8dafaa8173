/**
 * One page's record: its front matter, with the gaps filled the way a plain Markdown handbook
 * needs them filled (title from the first heading, summary from the first paragraph, owner from
 * CODEOWNERS/CODENOTIFY, last review from Git).
 */
import { createHash } from 'node:crypto';
import { acknowledgeText, acknowledgeVersion } from './acknowledge.ts';
import { addDuration, parseDuration } from './duration.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { type Outline, outlineOf, parseMarkdown } from './outline.ts';
import { dirOf, humanize, idForUrl, isIndexFile, orderOf, placeOf, translationOf, urlForFile } from './paths.ts';
import type { Problem } from './problems.ts';
import type { Settings } from './settings.ts';
import type { LoadedPage, PageRecord } from './types.ts';

export interface PageContext {
  settings: Settings;
  /**
   * The page's outline when the renderer already read it (see remark-outline.ts), with lines
   * counted from the start of the body; undefined to parse the file here.
   */
  outlineFor?: ((file: string) => Outline | undefined) | undefined;
  ownersOf: (relPath: string) => string[];
  commitDates: Map<string, string>;
  today: string;
}

export function loadPage(file: string, source: string, context: PageContext): { page: LoadedPage; problems: Problem[] } {
  const { settings } = context;
  const front = parseFrontMatter(file, source, { roles: settings.roles, today: context.today });
  const problems = [...front.problems];
  const data = front.data;
  let outline = context.outlineFor?.(file);
  if (outline) outline = shiftLines(outline, front.bodyLine - 1);
  else
    try {
      outline = outlineOf(parseMarkdown(front.body, { mdx: file.endsWith('.mdx') }), front.bodyLine - 1);
    } catch (error) {
      // MDX syntax errors carry a position; Markdown itself never fails to parse.
      const place = (error as { line?: number; place?: { line?: number } }).place?.line ?? (error as { line?: number }).line;
      problems.push({
        severity: 'error',
        code: 'INVALID_MDX',
        file,
        ...(place ? { line: place + front.bodyLine - 1 } : {}),
        // The parser's own position counts from the body; the line above counts from the file.
        message: `the MDX cannot be read: ${(error as Error).message.split('\n')[0]?.replace(/\s*\(\d+:\d+(-\d+:\d+)?\)/g, '')}`,
        hint: 'in .mdx files, write { and < as \\{ and \\<, and close every <Component> tag',
      });
      outline = { headings: [], links: [], images: [] };
    }

  const url = urlForFile(file);
  // A translation takes its original's place in the tree (section, order, lesson) under its own address.
  const translation = translationOf(file);
  const place = placeOf(file);
  const type = data.type ?? typeFromFolder(file, settings);
  const reviewEvery = data.reviewEvery ?? settings.review[type];
  const commitDate = context.commitDates.get(file);
  const reviewed = data.reviewed ?? commitDate;
  const interval = parseDuration(reviewEvery);
  const owners = data.owner ? [data.owner] : context.ownersOf(file).map((handle) => settings.owners[handle] ?? handle);
  const title = data.title ?? outline.leadHeading?.text ?? titleFromPath(place, settings);
  const summary = data.summary ?? outline.firstParagraph;
  const segments = place.split('/');
  const name = segments.at(-1) as string;

  const record: PageRecord = {
    id: idForUrl(url),
    url,
    file,
    title,
    ...(summary ? { summary, summaryFrom: data.summary ? 'front-matter' : 'content' } : {}),
    type,
    ...(owners.length > 0 ? { owner: owners.join(', '), ownerFrom: data.owner ? 'front-matter' : 'owners-file' } : {}),
    ...(reviewed ? { reviewed, reviewedFrom: data.reviewed ? 'front-matter' : 'git' } : {}),
    reviewEvery,
    ...(reviewed && interval ? { reviewDue: addDuration(reviewed, interval) } : {}),
    ...(commitDate ? { updated: commitDate } : {}),
    tags: data.tags ?? [],
    audience: data.audience ?? [],
    ...(data.assignTo ? { assignTo: data.assignTo } : {}),
    ...(data.dueWithinDays !== undefined ? { dueWithinDays: data.dueWithinDays } : {}),
    lang: translation?.lang ?? data.lang ?? settings.site.lang,
    aliases: data.aliases ?? [],
    draft: data.draft ?? false,
    headings: outline.headings.map(({ depth, text, slug }) => ({ depth, text, slug })),
    section: sectionUrlOf(place),
    ...(orderOf(isIndexFile(place) ? (segments.at(-2) ?? '') : name) !== undefined
      ? { order: orderOf(isIndexFile(place) ? (segments.at(-2) ?? '') : name) as number }
      : {}),
    isSectionIndex: isIndexFile(place),
    version: createHash('sha1').update(source).digest('hex').slice(0, 12),
    acknowledge: data.acknowledge ?? false,
    ...(data.acknowledge ? { acknowledgeVersion: acknowledgeVersion(data.version, acknowledgeText(source)) } : {}),
    linksTo: [],
    textVersion: acknowledgeVersion(data.version, acknowledgeText(source)),
    ...(translation ? { translationOf: urlForFile(place) } : {}),
    ...(data.translatedFrom ? { translatedFrom: data.translatedFrom } : {}),
    translations: [],
  };

  // Front matter that could not be read may well name an owner: say nothing until it is fixed.
  if (!record.owner && !front.problems.some((problem) => problem.code === 'INVALID_YAML')) {
    problems.push({
      severity: 'warning',
      code: 'NO_OWNER',
      file,
      message: 'the page has no owner, so nobody is asked to keep it current',
      hint: 'add `owner: <team or person>` to the front matter, or a line for the file in CODEOWNERS, e.g. /policies/ @acme/policy-team',
    });
  }
  return { page: { record, outline }, problems };
}

/** The nearest folder (from the file up) that settings map to a type; else guide. */
function typeFromFolder(file: string, settings: Settings): PageRecord['type'] {
  const folders = dirOf(file).split('/').filter(Boolean).reverse();
  for (const folder of folders) {
    const type = settings.types[folder.toLowerCase()];
    if (type) return type;
  }
  return 'guide';
}

function titleFromPath(file: string, settings: Settings): string {
  if (file === 'index.md' || file === 'index.mdx') return settings.site.name;
  const segments = file.split('/');
  const name = isIndexFile(file) ? segments.at(-2) : segments.at(-1);
  return humanize(name ?? file);
}

/** A page's section is its folder; a folder's index page belongs to the parent folder's section. */
export function sectionUrlOf(file: string): string {
  const dir = dirOf(file);
  const sectionDir = isIndexFile(file) ? dirOf(dir) : dir;
  if (file === 'index.md' || file === 'index.mdx' || (isIndexFile(file) && !dir)) return '/';
  return urlForFile(sectionDir ? `${sectionDir}/index.md` : 'index.md');
}

function shiftLines(outline: Outline, offset: number): Outline {
  if (offset === 0) return outline;
  const shift = <T extends { line: number }>(items: T[]) => items.map((item) => ({ ...item, line: item.line + offset }));
  return {
    ...outline,
    ...(outline.leadHeading ? { leadHeading: { ...outline.leadHeading, line: outline.leadHeading.line + offset } } : {}),
    headings: shift(outline.headings),
    links: shift(outline.links),
    images: shift(outline.images),
  };
}
