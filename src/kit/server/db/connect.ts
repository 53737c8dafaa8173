/**
 * One Kysely instance for the whole server, shared by better-auth and Knowhow's own tables:
 * SQLite through node:sqlite by default (no set-up), PostgreSQL when DATABASE_URL says so.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { NodeSqliteDialect } from '@better-auth/kysely-adapter/node-sqlite-dialect';
import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Env } from '../env.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where it is, for messages: the SQLite file, or the PostgreSQL address without the password. */
  location: string;
  close(): Promise<void>;
}

export function openDatabase(settings: Env['database']): DatabaseHandle {
  if (settings.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: settings.url, max: 10 });
    pool.on('connect', preparedReads);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', location: redactPassword(settings.url), close: () => db.destroy() };
  }
  mkdirSync(dirname(settings.file), { recursive: true });
  const sqlite = new DatabaseSync(settings.file);
  // WAL lets readers go on while one request writes; NORMAL sync in WAL mode keeps every
  // committed transaction through a crash of the process (a power cut may lose the last few);
  // the busy timeout makes a second process wait for the write lock instead of failing. It
  // comes first: switching to WAL also waits for a lock another process may hold.
  sqlite.exec('PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', location: settings.file, close: () => db.destroy() };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * SQLite transactions that take the write lock when they begin: a deferred one that reads
 * first and writes later can fail at once with SQLITE_BUSY when another process wrote in
 * between, while an immediate one waits its turn (busy_timeout).
 */
class ImmediateSqliteDialect extends NodeSqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** Prepared statements kept, by their SQL: Kysely's SQLite driver would prepare each query anew. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database with `prepare` remembering its statements. Preparing was a sixth of the CPU time
 * of a signed-in API request; the queries the server runs are a few hundred fixed texts.
 */
function withStatementCache(database: DatabaseSync): DatabaseSync {
  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return statement;
  };
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** How many reads each PostgreSQL connection keeps prepared. */
const PREPARED_READS_PER_CONNECTION = 500;

/**
 * Reads as named prepared statements, per connection: PostgreSQL then parses and plans each
 * query text once instead of on every call (about a quarter of a millisecond for the session
 * lookup, which every signed-in request makes). Only SELECTs, whose texts are few and fixed;
 * past the limit, further texts run unprepared. When another server's migration changes a
 * table under a prepared `select *`, PostgreSQL refuses it once ("cached plan must not change
 * result type"): the read is then prepared afresh under a new name.
 */
function preparedReads(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const names = new Map<string, string>();
  let generation = 0;
  const nameFor = (text: string) => `knowhow_${generation}_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  (client as { query: unknown }).query = async (text: unknown, values?: unknown) => {
    if (typeof text !== 'string' || !/^\s*select\b/i.test(text) || (!names.has(text) && names.size >= PREPARED_READS_PER_CONNECTION)) {
      return query(text, values);
    }
    let name = names.get(text);
    if (!name) {
      name = nameFor(text);
      names.set(text, name);
    }
    try {
      return await query({ name, text, values });
    } catch (error) {
      if ((error as { code?: string }).code !== '0A000') throw error;
      generation++;
      names.clear();
      const fresh = nameFor(text);
      names.set(text, fresh);
      return query({ name: fresh, text, values });
    }
  };
}
