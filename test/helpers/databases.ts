/**
 * The databases the server tests run on: a new SQLite file, and a new PostgreSQL database
 * whenever PostgreSQL is reachable (KNOWHOW_TEST_POSTGRES_URL, default the local server's
 * `test` database; .ci/run makes sure one runs). Without PostgreSQL those tests are skipped and
 * say so.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const POSTGRES_ADMIN_URL = process.env.KNOWHOW_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const hasPostgres = await probePostgres();
if (!hasPostgres) console.warn(`PostgreSQL tests skipped: nothing answers at ${POSTGRES_ADMIN_URL} (set KNOWHOW_TEST_POSTGRES_URL).`);

export interface TestDatabase {
  /** DATABASE_URL for it. */
  url: string;
  drop(): Promise<void>;
}

export interface DatabaseKindUnderTest {
  name: 'SQLite' | 'PostgreSQL';
  available: boolean;
  create(): Promise<TestDatabase>;
}

export const sqlite: DatabaseKindUnderTest = {
  name: 'SQLite',
  available: true,
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'knowhow-db-'));
    return { url: `file:${join(dir, 'knowhow.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

export const postgres: DatabaseKindUnderTest = {
  name: 'PostgreSQL',
  available: hasPostgres,
  async create() {
    const name = `knowhow_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    const drop = async () => {
      await untilNoSessions(name);
      await adminQuery(`drop database if exists ${name} with (force)`);
    };
    return { url: url.toString(), drop };
  },
};

/** Both kinds, for describe.each; PostgreSQL only where it is reachable. */
export const DATABASES = [sqlite, postgres];

async function adminQuery(statement: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await client.query(statement, values);
  } finally {
    await client.end();
  }
}

/**
 * A closed pool's connections may still be closing when the test drops its database: dropping
 * `with (force)` then kills them half-way, and their error surfaces, unhandled, in whichever
 * test runs next. Waiting (at most a second) for them to go first keeps that from happening.
 */
async function untilNoSessions(database: string): Promise<void> {
  for (let tries = 0; tries < 50; tries++) {
    const { rows } = await adminQuery('select count(*)::int as sessions from pg_stat_activity where datname = $1', [database]);
    if ((rows[0] as { sessions: number }).sessions === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
