/**
 * Search gaps: questions people asked that found nothing, or whose results nobody opened,
 * counted per normalised question and day, once per reader: the same reader asking again that
 * day changes nothing, so no one client can push a question up the report. Nothing about who
 * asked is kept: only the question, the day and the counts, the section whose pages came
 * closest (the best hit of the server's search), so owners know where the answer belongs, and
 * for a day or two a keyed hash of the day, the question and the reader together, which
 * recognises a repeat and cannot link two questions to one reader.
 */
import { sql } from 'kysely';
import { normaliseQuestion } from '../../search/index.ts';
import { addDays, dateIn } from '../../../kit/calendar.ts';
import type { AppContext } from '../../../server/app.ts';
import { clientNetwork } from '../../../kit/server/pseudonyms.ts';

export interface SearchGapDeps extends Pick<AppContext, 'db' | 'now' | 'pseudonym'> {
  /** The organisation's time zone (knowhow.yaml site.timeZone): a day is a day there. */
  timeZone: string;
  /** The URL of the section whose page answers `question` best, or null when no page comes close. */
  closestSection?: (question: string) => string | null;
}

export interface SearchReport {
  /** The question as typed; it is normalised here. */
  query: string;
  /** How many results the search showed (0: it found nothing). */
  results: number;
  /** Whether a result was opened. */
  opened: boolean;
}

/** Who asked, to count each reader once: a signed-in person by id, anyone else by their address's network. */
export interface Asker {
  userId?: string | null | undefined;
  clientAddress: string;
}

/**
 * Counts one search, unless its reader counted for the same question today. Every search
 * counted is in `searches`; one that found nothing in `no_results`, one with results none of
 * which was opened in `not_opened`. One upsert, so concurrent searches of the same question on
 * the same day all count.
 */
export async function recordSearch(
  deps: SearchGapDeps,
  report: SearchReport,
  asker: Asker,
): Promise<{ counted: boolean; question?: string }> {
  const question = normaliseQuestion(report.query);
  if (!question) return { counted: false };
  const day = dateIn(deps.now(), deps.timeZone);
  const reader = asker.userId ? `person:${asker.userId}` : `address:${clientNetwork(asker.clientAddress)}`;
  const first = await deps.db
    .insertInto('search_gap_asker')
    .values({ day, asker: deps.pseudonym('search gap asker', day, question, reader) })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  if (Number(first.numInsertedOrUpdatedRows ?? 0) === 0) return { counted: false, question };
  // Yesterday's are kept for searches that end around midnight; older ones recognise nothing.
  await deps.db.deleteFrom('search_gap_asker').where('day', '<', addDays(day, -1)).execute();
  const noResults = report.results <= 0 ? 1 : 0;
  const notOpened = report.results > 0 && !report.opened ? 1 : 0;
  // Only a gap needs its closest section, and only then is the server's search asked.
  const section = noResults + notOpened > 0 ? (deps.closestSection?.(question) ?? null) : null;
  await deps.db
    .insertInto('search_gap')
    .values({ question, day, searches: 1, no_results: noResults, not_opened: notOpened, section })
    .onConflict((conflict) =>
      conflict.columns(['question', 'day']).doUpdateSet({
        searches: sql`search_gap.searches + 1`,
        no_results: sql`search_gap.no_results + ${noResults}`,
        not_opened: sql`search_gap.not_opened + ${notOpened}`,
        section: sql`coalesce(${section}, search_gap.section)`,
      }),
    )
    .execute();
  return { counted: true, question };
}

/**
 * Counts a search the server answered with nothing, after the answer has gone: the count (and
 * the closest section it looks for) stays off the search's own path, and a failure to count
 * only reaches the log.
 */
export function countUnanswered(deps: SearchGapDeps, query: string, asker: Asker): void {
  setImmediate(() => {
    recordSearch(deps, { query, results: 0, opened: false }, asker).catch((error: unknown) => {
      console.error('Counting a search gap failed:', error);
    });
  });
}

export interface SearchGap {
  question: string;
  searches: number;
  noResults: number;
  notOpened: number;
  /** noResults + notOpened: how often the question went unanswered. */
  unanswered: number;
  /** The section whose pages came closest, most recently; null when none did. */
  section: string | null;
  firstDay: string;
  lastDay: string;
}

export interface GapQuery {
  /** The last `days` days, today included. */
  days: number;
  /** Only questions closest to this section (its URL, e.g. /policies/). */
  section?: string | undefined;
  /**
   * Only questions closest to one of these sections, or to none (an owner's view); undefined:
   * every question.
   */
  withinSections?: ReadonlySet<string> | undefined;
  limit?: number;
}

/** The unanswered questions of the last `days` days, most often unanswered first. */
export async function searchGaps(deps: SearchGapDeps, { days, section, withinSections, limit = 500 }: GapQuery): Promise<SearchGap[]> {
  const since = addDays(dateIn(deps.now(), deps.timeZone), -(days - 1));
  const rows = await deps.db
    .selectFrom('search_gap')
    .select(['question', 'day', 'searches', 'no_results', 'not_opened', 'section'])
    .where('day', '>=', since)
    .orderBy('day')
    .execute();
  const byQuestion = new Map<string, SearchGap>();
  for (const row of rows) {
    let gap = byQuestion.get(row.question);
    if (!gap) {
      gap = {
        question: row.question,
        searches: 0,
        noResults: 0,
        notOpened: 0,
        unanswered: 0,
        section: null,
        firstDay: row.day,
        lastDay: row.day,
      };
      byQuestion.set(row.question, gap);
    }
    gap.searches += Number(row.searches);
    gap.noResults += Number(row.no_results);
    gap.notOpened += Number(row.not_opened);
    gap.unanswered = gap.noResults + gap.notOpened;
    gap.lastDay = row.day;
    if (row.section) gap.section = row.section;
  }
  return [...byQuestion.values()]
    .filter((gap) => gap.unanswered > 0)
    .filter((gap) => section === undefined || gap.section === section)
    .filter((gap) => !withinSections || gap.section === null || withinSections.has(gap.section))
    .sort((a, b) => b.unanswered - a.unanswered || b.searches - a.searches || a.question.localeCompare(b.question))
    .slice(0, limit);
}
