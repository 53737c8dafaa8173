/**
 * Search gaps on a real database, SQLite and PostgreSQL: questions normalised, counted per day
 * and once per reader, concurrent searches all counted, the closest section from a real lunr
 * search, the report's order and owners' view, and nothing about who searched in the tables.
 */
import { describe, expect, it } from 'vitest';
import { normaliseQuestion } from '../../../../src/features/search/question.ts';
import { createSearcher } from '../../../../src/features/search/search.ts';
import { buildSearchBundle } from '../../../../src/features/search/search-index.ts';
import {
  type Asker,
  recordSearch as recordSearchBy,
  type SearchGapDeps,
  type SearchReport,
  searchGaps,
} from '../../../../src/features/feedback/server/search-gaps.ts';
import { DATABASES } from '../../../helpers/databases.ts';
import { testApp, useTestApp } from '../../../helpers/people.ts';
import { sampleDocuments } from '../../../helpers/sample-documents.ts';

describe('normaliseQuestion', () => {
  it('makes one question of the ways people type it', () => {
    expect(normaliseQuestion('  Refund   after 30 DAYS?? ')).toBe('refund after 30 days');
    expect(normaliseQuestion('refund after 30 days')).toBe('refund after 30 days');
    expect(normaliseQuestion('"parental leave"...')).toBe('parental leave');
    expect(normaliseQuestion('version 5.1.5!')).toBe('version 5.1.5');
    expect(normaliseQuestion('C++ style guide')).toBe('c++ style guide');
    expect(normaliseQuestion('Ｒｅｆｕｎｄ')).toBe('refund');
  });

  it('leaves out what has no word or a single character, and cuts a long question', () => {
    expect(normaliseQuestion('')).toBeUndefined();
    expect(normaliseQuestion('  ?! ')).toBeUndefined();
    expect(normaliseQuestion(' R ')).toBeUndefined();
    expect(normaliseQuestion('re')).toBe('re');
    expect(normaliseQuestion('word '.repeat(100))?.length).toBeLessThanOrEqual(200);
  });
});

const searcher = createSearcher(buildSearchBundle('en', sampleDocuments()));
/** The sample documents' section is their first folder. */
const closestSection = (question: string) => {
  const best = searcher.search(question, { limit: 1 })[0];
  return best ? `/${best.url.split('/')[1]}/` : null;
};

/** Each search from a reader of its own, unless the test says who. */
let readers = 0;
const recordSearch = (
  deps: SearchGapDeps,
  report: SearchReport,
  asker: Asker = { clientAddress: `198.51.100.${++readers % 250}`, userId: `reader-${readers}` },
) => recordSearchBy(deps, report, asker);

describe.each(DATABASES)('search gaps on $name', (database) => {
  let clock = new Date('2026-11-02T09:00:00Z');
  const context = useTestApp(database, { now: () => clock });
  const deps = (): SearchGapDeps => ({ ...context.app, timeZone: 'Europe/Berlin', closestSection });

  it.skipIf(!database.available)('counts each question once per day, however it is typed', async () => {
    await recordSearch(deps(), { query: 'Holiday on the moon?', results: 0, opened: false });
    await recordSearch(deps(), { query: 'holiday  on the MOON', results: 0, opened: false });
    await recordSearch(deps(), { query: 'holiday on the moon', results: 4, opened: false });
    await recordSearch(deps(), { query: 'holiday on the moon', results: 4, opened: true });
    expect(await recordSearch(deps(), { query: '??', results: 0, opened: false })).toEqual({ counted: false });
    // 23:30 UTC on the 2nd is already the 3rd in Berlin, the site's time zone.
    clock = new Date('2026-11-02T23:30:00Z');
    await recordSearch(deps(), { query: 'holiday on the moon', results: 0, opened: false });
    const rows = await context.app.db
      .selectFrom('search_gap')
      .selectAll()
      .where('question', '=', 'holiday on the moon')
      .orderBy('day')
      .execute();
    expect(
      rows.map((row) => ({
        ...row,
        searches: Number(row.searches),
        no_results: Number(row.no_results),
        not_opened: Number(row.not_opened),
      })),
    ).toEqual([
      { question: 'holiday on the moon', day: '2026-11-02', searches: 4, no_results: 2, not_opened: 1, section: expect.any(String) },
      { question: 'holiday on the moon', day: '2026-11-03', searches: 1, no_results: 1, not_opened: 0, section: expect.any(String) },
    ]);
    const [gap] = await searchGaps(deps(), { days: 30 });
    expect(gap).toMatchObject({
      question: 'holiday on the moon',
      searches: 5,
      noResults: 3,
      notOpened: 1,
      unanswered: 4,
      firstDay: '2026-11-02',
      lastDay: '2026-11-03',
    });
    // Older than the period: left out.
    clock = new Date('2026-12-20T12:00:00Z');
    expect(await searchGaps(deps(), { days: 30 })).toEqual([]);
  });

  it.skipIf(!database.available)('loses no count when many people search the same thing at once', async () => {
    clock = new Date('2026-11-10T10:00:00Z');
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        recordSearch(deps(), { query: index % 2 ? 'Quantum tunnelling policy' : 'quantum tunnelling policy?', results: 0, opened: false }),
      ),
    );
    // And from two servers on one database, each with its own connection.
    const where = context.app.env.database;
    const other = await testApp(where.kind === 'sqlite' ? `file:${where.file}` : where.url, {}, () => clock);
    try {
      const otherDeps: SearchGapDeps = { ...other, timeZone: 'Europe/Berlin', closestSection };
      await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          recordSearch(index % 2 ? deps() : otherDeps, { query: 'quantum tunnelling policy', results: 2, opened: false }),
        ),
      );
    } finally {
      await other.close();
    }
    const row = await context.app.db
      .selectFrom('search_gap')
      .selectAll()
      .where('question', '=', 'quantum tunnelling policy')
      .executeTakeFirstOrThrow();
    expect([Number(row.searches), Number(row.no_results), Number(row.not_opened)]).toEqual([80, 40, 40]);
  });

  it.skipIf(!database.available)('names the section whose pages came closest, and lists the most unanswered first', async () => {
    clock = new Date('2026-11-11T10:00:00Z');
    const word =
      sampleDocuments()[0]
        ?.sections[0]?.heading.split(/\W+/)
        .find((part) => part.length > 4) ?? 'refund';
    for (let i = 0; i < 3; i++) await recordSearch(deps(), { query: `${word} for pets`, results: 3, opened: false });
    await recordSearch(deps(), { query: 'zzqx vvbnm', results: 0, opened: false });
    const gaps = await searchGaps(deps(), { days: 1 });
    expect(gaps.map((gap) => [gap.question, gap.unanswered])).toEqual([
      [`${word.toLowerCase()} for pets`, 3],
      ['zzqx vvbnm', 1],
    ]);
    expect(gaps[0]?.section).toBe(closestSection(`${word} for pets`));
    expect(gaps[0]?.section).toMatch(/^\/.+\/$/);
    expect(gaps[1]?.section).toBeNull();
    // An owner's view: their sections, and questions close to none.
    expect((await searchGaps(deps(), { days: 1, withinSections: new Set(['/nowhere/']) })).map((gap) => gap.question)).toEqual([
      'zzqx vvbnm',
    ]);
    expect((await searchGaps(deps(), { days: 1, section: gaps[0]?.section ?? '' })).map((gap) => gap.question)).toEqual([
      `${word.toLowerCase()} for pets`,
    ]);
  });

  it.skipIf(!database.available)('counts a reader once per question and day, however often they ask', async () => {
    clock = new Date('2026-11-12T10:00:00Z');
    const count = async () =>
      Number(
        (
          await context.app.db
            .selectFrom('search_gap')
            .select('searches')
            .where('question', '=', 'free phones')
            .where('day', '=', '2026-11-12')
            .executeTakeFirst()
        )?.searches ?? 0,
      );
    const stuffer = { clientAddress: '203.0.113.66' };
    const results = [];
    for (let i = 0; i < 12; i++)
      results.push((await recordSearch(deps(), { query: 'Free phones!', results: 0, opened: false }, stuffer)).counted);
    expect(results).toEqual([true, ...Array(11).fill(false)]);
    // A new address in the same IPv6 /64 is the same reader; a signed-in person is one reader wherever they are.
    await recordSearch(deps(), { query: 'free phones', results: 0, opened: false }, { clientAddress: '2001:db8:1:2::1' });
    await recordSearch(deps(), { query: 'free phones', results: 0, opened: false }, { clientAddress: '2001:db8:1:2:ffff::9' });
    await recordSearch(deps(), { query: 'free phones', results: 0, opened: false }, { clientAddress: '203.0.113.1', userId: 'u1' });
    await recordSearch(deps(), { query: 'free phones', results: 0, opened: false }, { clientAddress: '203.0.113.2', userId: 'u1' });
    expect(await count()).toBe(3);
    // Another question by the same reader counts; so does the same question the next day.
    expect((await recordSearch(deps(), { query: 'free tablets', results: 0, opened: false }, stuffer)).counted).toBe(true);
    clock = new Date('2026-11-13T10:00:00Z');
    expect((await recordSearch(deps(), { query: 'free phones', results: 0, opened: false }, stuffer)).counted).toBe(true);
    // What recognised a repeat two days ago is gone.
    clock = new Date('2026-11-15T10:00:00Z');
    await recordSearch(deps(), { query: 'anything else', results: 0, opened: false }, stuffer);
    const days = await context.app.db.selectFrom('search_gap_asker').select('day').distinct().execute();
    expect(days.map((row) => row.day).sort()).toEqual(['2026-11-15']);
  });

  it.skipIf(!database.available)('keeps nothing about who searched', async () => {
    const tables = await context.app.db.introspection.getTables();
    const columnsOf = (name: string) =>
      tables
        .find((table) => table.name === name)
        ?.columns.map((column) => column.name)
        .sort();
    expect(columnsOf('search_gap')).toEqual(['day', 'no_results', 'not_opened', 'question', 'searches', 'section']);
    expect(columnsOf('search_gap_asker')).toEqual(['asker', 'day']);
    clock = new Date('2026-11-20T10:00:00Z');
    const person = { clientAddress: '127.0.0.1', userId: 'person-7' };
    await recordSearch(deps(), { query: 'first question', results: 0, opened: false }, person);
    await recordSearch(deps(), { query: 'second question', results: 0, opened: false }, person);
    const rows = [
      ...(await context.app.db.selectFrom('search_gap').selectAll().execute()),
      ...(await context.app.db.selectFrom('search_gap_asker').selectAll().execute()),
    ];
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/@|127\.0\.0\.1|::1|203\.0\.113|session|user|person/i);
    // Two questions of one reader: nothing in the table says they were asked by the same one.
    const askers = await context.app.db.selectFrom('search_gap_asker').select('asker').where('day', '=', '2026-11-20').execute();
    expect(new Set(askers.map((row) => row.asker)).size).toBe(2);
  });
});
