/**
 * The review list: every page with its owner, last review, due date and state on a given day,
 * most urgent first, and the share of current pages per owner and section. Pure, so the API,
 * the dashboard, `npm run review` and the webhook digest all list pages the same way. Quiz
 * translations whose original's words changed are listed too, as translated pages are.
 */
import { daysBetween, REVIEW_STATES, type ReviewState, reviewStateOn } from '../content/index.ts';
import type { PageRecord, SectionRecord } from '../content/index.ts';
import type { QuizTranslationReview } from '../training/index.ts';

export interface ReviewItem {
  title: string;
  url: string;
  /** Path in the content folder; a quiz translation's, relative to it (../quizzes/basics.de.yaml). */
  file: string;
  owner: string | null;
  reviewed: string | null;
  reviewEvery: string;
  due: string | null;
  status: ReviewState;
  /** Days past the due date; 0 unless overdue. */
  daysOverdue: number;
  /** URL of the page's top-level section, e.g. /policies/ ('/' for pages at the top). */
  section: string;
}

export interface ReviewFilter {
  status?: readonly ReviewState[];
  /** Only pages whose owner passes this test (see owners.ts for who answers for what). */
  owner?: (owner: string | undefined) => boolean;
  /** A section's URL (/policies/) or folder name (policies): the pages in it and below it. */
  section?: string;
}

const URGENCY: Record<ReviewState, number> = Object.fromEntries(REVIEW_STATES.map((state, rank) => [state, rank])) as Record<
  ReviewState,
  number
>;

/** The top-level section a page belongs to, by its URL: /policies/refunds/ is in /policies/. */
export function topSection(url: string): string {
  const first = url.split('/').filter(Boolean)[0];
  return first ? `/${first}/` : '/';
}

/** Normalises a section as people write it (policies, /policies, /policies/) to its URL. */
export function sectionUrl(section: string): string {
  const trimmed = section.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** What is listed for review: the pages, and the quiz translations (the built site's manifest has both). */
export interface Reviewable {
  pages: readonly PageRecord[];
  /** Absent from manifests built before quiz translations were listed. */
  quizTranslations?: readonly QuizTranslationReview[] | undefined;
}

/** The pages to review on `today`, most urgent first: overdue (longest first), due soon, unknown, current. */
export function reviewItems(
  { pages, quizTranslations = [] }: Reviewable,
  today: string,
  dueSoon: string,
  filter: ReviewFilter = {},
): ReviewItem[] {
  const section = filter.section === undefined ? undefined : sectionUrl(filter.section);
  const items: ReviewItem[] = [];
  for (const quiz of quizTranslations) {
    if (!quiz.stale || (filter.status && filter.status.length > 0 && !filter.status.includes('translation-stale'))) continue;
    if (section && section !== '/' && !quiz.moduleUrl.startsWith(section)) continue;
    if (filter.owner && !filter.owner(quiz.owner)) continue;
    items.push({
      title: quiz.title,
      url: quiz.url,
      file: quiz.file,
      owner: quiz.owner ?? null,
      reviewed: quiz.reviewed ?? null,
      reviewEvery: quiz.reviewEvery,
      due: null,
      status: 'translation-stale',
      daysOverdue: 0,
      section: topSection(quiz.moduleUrl),
    });
  }
  for (const page of pages) {
    // A translation is reviewed with its original; it is listed only when it no longer says
    // what the original says.
    if (page.draft || (page.translationOf && !page.translationStale)) continue;
    const place = page.translationOf ?? page.url;
    if (section && section !== '/' && !place.startsWith(section)) continue;
    if (filter.owner && !filter.owner(page.owner)) continue;
    const status = page.translationOf ? 'translation-stale' : reviewStateOn(page.reviewDue, today, dueSoon);
    if (filter.status && filter.status.length > 0 && !filter.status.includes(status)) continue;
    items.push({
      title: page.title,
      url: page.url,
      file: page.file,
      owner: page.owner ?? null,
      reviewed: page.reviewed ?? null,
      reviewEvery: page.reviewEvery,
      due: page.translationOf ? null : (page.reviewDue ?? null),
      status,
      daysOverdue: status === 'overdue' && page.reviewDue ? daysBetween(page.reviewDue, today) : 0,
      section: topSection(place),
    });
  }
  return items.sort(
    (a, b) =>
      URGENCY[a.status] - URGENCY[b.status] ||
      b.daysOverdue - a.daysOverdue ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      a.url.localeCompare(b.url),
  );
}

export interface TrustFigure {
  /** The owner as pages name them, or the section's URL. */
  key: string;
  label: string;
  pages: number;
  current: number;
  dueSoon: number;
  overdue: number;
  unknown: number;
  /** Share of pages current or due soon (not yet lapsed and with a known date), in percent. */
  trusted: number;
}

/**
 * Per owner, or per top-level section: how many pages are in each state, and the share that
 * can be trusted today (reviewed within their interval). Weakest first, so a manager reads the
 * groups that need a word first.
 */
export function trustFigures(
  items: readonly ReviewItem[],
  by: 'owner' | 'section',
  sections: readonly SectionRecord[] = [],
): TrustFigure[] {
  const groups = new Map<string, ReviewItem[]>();
  for (const item of items) {
    const key = by === 'owner' ? (item.owner ?? '') : item.section;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const titleOf = (url: string) => sections.find((section) => section.url === url)?.title ?? url;
  return [...groups.entries()]
    .map(([key, group]) => {
      const count = (state: ReviewState) => group.filter((item) => item.status === state).length;
      const [current, dueSoon, overdue, unknown] = [count('current'), count('due-soon'), count('overdue'), count('unknown')];
      return {
        key,
        label: by === 'owner' ? key || 'No owner' : titleOf(key),
        pages: group.length,
        current,
        dueSoon,
        overdue,
        unknown,
        trusted: Math.round(((current + dueSoon) / group.length) * 100),
      };
    })
    .sort((a, b) => a.trusted - b.trusted || b.pages - a.pages || a.label.localeCompare(b.label));
}
