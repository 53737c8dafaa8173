/**
 * The migration to one page-feedback vote per reader, on SQLite and PostgreSQL, over votes given
 * before it: each signed-in person's latest vote on a version becomes their one vote there;
 * older ones and anonymous ones stay as they were; from then on a second vote replaces the first.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/kit/server/db/migrate.ts';
import { recordFeedback } from '../../../../src/features/feedback/server/feedback.ts';
import { DATABASES } from '../../../helpers/databases.ts';
import { pageRecord } from '../../../helpers/page-record.ts';
import { PEOPLE, useTestApp } from '../../../helpers/people.ts';

const MIGRATION = '2026-12-07-page-feedback-one-vote-per-reader';
/** The tables the migrations after it make: a new migration that makes one adds it here. */
const LATER_TABLES = ['search_gap_asker', 'api_key', 'mcp_usage'];

describe.each(DATABASES)('page feedback before and after one vote per reader, on $name', (database) => {
  const context = useTestApp(database, { seed: true });

  it.skipIf(!database.available)('keeps a person’s latest vote on each version as their one vote', async () => {
    const { app } = context;
    // The database as it was before the migration: no reader, one vote per person and day.
    await app.db.schema.dropIndex('page_feedback_one_per_reader').execute();
    await app.db.schema.alterTable('page_feedback').dropColumn('reader').execute();
    await app.db.schema
      .createIndex('page_feedback_one_a_day')
      .on('page_feedback')
      .columns(['user_id', 'page_url', 'day'])
      .unique()
      .where(sql.ref('user_id'), 'is not', null)
      .execute();
    // Migrations run in order: the ones after it are undone too (the tables they made), to run again after it.
    for (const table of LATER_TABLES) await app.db.schema.dropTable(table).execute();
    await app.db
      .deleteFrom('knowhow_migration' as never)
      .where('name' as never, '>=', MIGRATION as never)
      .execute();
    const mia = await app.db.selectFrom('user').select('id').where('email', '=', PEOPLE.member.email).executeTakeFirstOrThrow();
    const vote = (id: string, day: string, helpful: boolean, user: string | null, version = 'v1') =>
      sql`insert into page_feedback (id, page_url, page_version, helpful, comment, day, created_at, updated_at, user_id)
          values (${id}, '/policies/refunds/', ${version}, ${database.name === 'SQLite' ? Number(helpful) : helpful}, null, ${day},
                  ${`${day}T09:00:00.000Z`}, ${`${day}T09:00:00.000Z`}, ${user})`.execute(app.db);
    await vote('mia-1', '2026-11-01', true, mia.id);
    await vote('mia-2', '2026-11-02', false, mia.id);
    await vote('mia-3', '2026-11-03', true, mia.id, 'v2');
    await vote('anon-1', '2026-11-02', false, null);
    await vote('anon-2', '2026-11-02', false, null);

    await migrate(app.database, app.auth.options);

    const rows = await app.db.selectFrom('page_feedback').select(['id', 'reader']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'anon-1', reader: null },
      { id: 'anon-2', reader: null },
      { id: 'mia-1', reader: null },
      { id: 'mia-2', reader: `person:${mia.id}` },
      { id: 'mia-3', reader: `person:${mia.id}` },
    ]);
    const deps = {
      ...app,
      pages: [pageRecord('policies/refunds.md', { title: 'Refunds', version: 'v1' })],
      timeZone: 'UTC',
    };
    const again = await recordFeedback(deps, { user: mia, clientAddress: '192.0.2.1' }, { page: '/policies/refunds/', helpful: true });
    expect(again).toEqual({ id: 'mia-2', replaced: true });
  });
});
