/**
 * One Kysely instance for the whole server, shared by better-auth and Knowhow's own tables:
 * SQLite through node:sqlite by default (no set-up), PostgreSQL when DATABASE_URL says so.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
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
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', location: redactPassword(settings.url), close: () => db.destroy() };
  }
  mkdirSync(dirname(settings.file), { recursive: true });
  const sqlite = new DatabaseSync(settings.file);
  // WAL lets readers go on while one request writes; NORMAL sync in WAL mode keeps every
  // committed transaction through a crash of the process (a power cut may lose the last few);
  // the busy timeout makes a second process wait for the write lock instead of failing.
  sqlite.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
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
