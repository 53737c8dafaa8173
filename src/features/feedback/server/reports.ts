/**
 * What owners and managers read from page feedback: per page, the yes and no counts and the
 * recent comments; the pages with several "no" lately; and every answer, for a download.
 * None of it says who answered.
 */
import type { PageRecord } from '../../content/index.ts';
import { pagesOwnedBy } from '../../reviews/server.ts';
import type { UserRecord } from '../../accounts/server.ts';
import type { FeedbackDeps } from './feedback.ts';

export interface FeedbackEntry {
  page: string;
  pageVersion: string;
  helpful: boolean;
  comment: string | null;
  /** When it was given (or last changed), ISO. */
  at: string;
  day: string;
}

export interface PageFeedback {
  url: string;
  title: string;
  owner: string | null;
  section: string;
  /** The page's version now: answers given on an earlier one may be about text that changed. */
  version: string;
  yes: number;
  no: number;
  /** The newest answers with a comment, newest first. */
  comments: FeedbackEntry[];
  lastAt: string;
}

export interface FeedbackFilter {
  /** From this instant on (ISO); undefined: all of it. */
  since?: string | undefined;
  /** Only these pages (their URLs). */
  pages?: ReadonlySet<string> | undefined;
  helpful?: boolean | undefined;
  /** Only pages in this section (its URL) or below it. */
  section?: string | undefined;
}

const RECENT_COMMENTS = 5;

/** Every answer that passes `filter`, newest first. */
export async function feedbackEntries(deps: FeedbackDeps, filter: FeedbackFilter = {}, limit = 5000): Promise<FeedbackEntry[]> {
  let query = deps.db
    .selectFrom('page_feedback')
    .select(['page_url', 'page_version', 'helpful', 'comment', 'updated_at', 'day'])
    .orderBy('updated_at', 'desc')
    .limit(limit);
  if (filter.since) query = query.where('updated_at', '>=', filter.since);
  if (filter.helpful !== undefined)
    query = query.where('helpful', '=', deps.database.kind === 'sqlite' ? Number(filter.helpful) : filter.helpful);
  const inSection = sectionFilter(deps.pages, filter.section);
  return (await query.execute())
    .filter((row) => (!filter.pages || filter.pages.has(row.page_url)) && inSection(row.page_url))
    .map((row) => ({
      page: row.page_url,
      pageVersion: row.page_version,
      helpful: Boolean(row.helpful),
      comment: row.comment,
      at: row.updated_at,
      day: row.day,
    }));
}

/** Per page with answers: yes and no counts and recent comments, most "no" first. */
export async function feedbackSummary(deps: FeedbackDeps, filter: FeedbackFilter = {}): Promise<PageFeedback[]> {
  const byUrl = new Map(deps.pages.map((page) => [page.url, page]));
  const summaries = new Map<string, PageFeedback>();
  for (const entry of await feedbackEntries(deps, filter, 100_000)) {
    let summary = summaries.get(entry.page);
    if (!summary) {
      const page = byUrl.get(entry.page);
      summary = {
        url: entry.page,
        title: page?.title ?? entry.page,
        owner: page?.owner ?? null,
        section: page?.section ?? '/',
        version: page?.version ?? '',
        yes: 0,
        no: 0,
        comments: [],
        lastAt: entry.at,
      };
      summaries.set(entry.page, summary);
    }
    if (entry.helpful) summary.yes++;
    else summary.no++;
    if (entry.comment && summary.comments.length < RECENT_COMMENTS) summary.comments.push(entry);
  }
  return [...summaries.values()].sort((a, b) => b.no - a.no || b.lastAt.localeCompare(a.lastAt));
}

/** The feedback on the pages `user` answers for (owners.ts), most "no" first. */
export async function feedbackForOwner(
  deps: FeedbackDeps & { ownerNames?: Record<string, string> },
  user: Pick<UserRecord, 'email' | 'ownerHandles'>,
  filter: Omit<FeedbackFilter, 'pages'> = {},
): Promise<PageFeedback[]> {
  const owned = new Set(pagesOwnedBy(deps.pages, user, deps.ownerNames).map((page) => page.url));
  if (owned.size === 0) return [];
  return feedbackSummary(deps, { ...filter, pages: owned });
}

/**
 * Pages that at least `min` people found unhelpful since `since`: what an owner should look at
 * first. With `user`, only the pages they answer for.
 */
export async function pagesWithNegativeFeedback(
  deps: FeedbackDeps & { ownerNames?: Record<string, string> },
  { since, min = 3, user }: { since: Date | string; min?: number; user?: Pick<UserRecord, 'email' | 'ownerHandles'> },
): Promise<PageFeedback[]> {
  const from = typeof since === 'string' ? since : since.toISOString();
  const pages = user ? new Set(pagesOwnedBy(deps.pages, user, deps.ownerNames).map((page) => page.url)) : undefined;
  if (pages?.size === 0) return [];
  return (await feedbackSummary(deps, { since: from, pages })).filter((summary) => summary.no >= min);
}

function sectionFilter(pages: readonly PageRecord[], section: string | undefined): (url: string) => boolean {
  if (!section) return () => true;
  const sectionOf = new Map(pages.map((page) => [page.url, page.section]));
  return (url) => url.startsWith(section) || (sectionOf.get(url) ?? '').startsWith(section);
}
