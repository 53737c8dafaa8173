/**
 * The database connection (kit/server/db/connect.ts): SQLite's remembered statements and
 * PostgreSQL's prepared reads give the same answers as plain queries, also after a migration
 * elsewhere changes a table under them.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/kit/server/db/connect.ts';
import { postgres, sqlite } from '../../../helpers/databases.ts';

describe('the database connection', () => {
  it.skipIf(!postgres.available)('keeps answering a prepared read after another server adds a column to its table', async () => {
    const db = await postgres.create();
    const handle = openDatabase({ kind: 'postgres', url: db.url });
    try {
      await sql`create table notes (id integer primary key, text text)`.execute(handle.db);
      await sql`insert into notes values (1, 'first')`.execute(handle.db);
      const read = () =>
        sql<Record<string, unknown>>`select * from notes where id = ${1}`.execute(handle.db).then((result) => result.rows[0]);
      // Read on every pooled connection, so each has it prepared.
      await Promise.all(Array.from({ length: 12 }, read));
      const other = new pg.Client({ connectionString: db.url });
      await other.connect();
      await other.query('alter table notes add column author text');
      await other.end();
      const rows = await Promise.all(Array.from({ length: 12 }, read));
      for (const row of rows) expect(row).toEqual({ id: 1, text: 'first', author: null });
    } finally {
      await handle.close();
      await db.drop();
    }
  });

  it('reuses SQLite statements without mixing up their answers', async () => {
    const db = await sqlite.create();
    const handle = openDatabase({ kind: 'sqlite', file: db.url.replace(/^file:/, '') });
    try {
      await sql`create table notes (id integer primary key, text text)`.execute(handle.db);
      for (let id = 1; id <= 3; id++) await sql`insert into notes values (${id}, ${`note ${id}`})`.execute(handle.db);
      const texts = await Promise.all(
        [3, 1, 2, 1].map((id) =>
          sql<{ text: string }>`select text from notes where id = ${id}`.execute(handle.db).then((result) => result.rows[0]?.text),
        ),
      );
      expect(texts).toEqual(['note 3', 'note 1', 'note 2', 'note 1']);
      await sql`alter table notes add column author text`.execute(handle.db);
      expect((await sql`select * from notes where id = ${2}`.execute(handle.db)).rows[0]).toEqual({ id: 2, text: 'note 2', author: null });
    } finally {
      await handle.close();
      await db.drop();
    }
  });
});
