/**
 * Brings the database up to date at start: better-auth's tables, then Knowhow's. Several
 * servers starting at once against one database take turns: PostgreSQL through an advisory
 * lock (better-auth's migrations crash when two run at once on a fresh database), SQLite
 * through an exclusive transaction on a small lock file beside the database, which the
 * operating system releases if a process dies holding it.
 */
import { DatabaseSync } from 'node:sqlite';
import type { BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { DatabaseHandle } from './connect.ts';
import { knowhowMigrations } from './migrations.ts';

/** An arbitrary constant that names Knowhow's migration lock among PostgreSQL's advisory locks. */
const POSTGRES_LOCK_KEY = 7_246_119_001;

export async function migrate(handle: DatabaseHandle, authOptions: BetterAuthOptions): Promise<void> {
  await withMigrationLock(handle, async () => {
    const { runMigrations } = await getMigrations(authOptions);
    await runMigrations();
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => knowhowMigrations(handle.kind) },
      migrationTableName: 'knowhow_migration',
      migrationLockTableName: 'knowhow_migration_lock',
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((result) => result.status === 'Error')?.migrationName;
      throw new Error(`The database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

async function withMigrationLock(handle: DatabaseHandle, work: () => Promise<void>): Promise<void> {
  if (handle.kind === 'postgres') {
    await handle.db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(${POSTGRES_LOCK_KEY})`.execute(connection);
      try {
        await work();
      } finally {
        await sql`select pg_advisory_unlock(${POSTGRES_LOCK_KEY})`.execute(connection);
      }
    });
    return;
  }
  const lock = new DatabaseSync(`${handle.location}-migrate-lock`);
  try {
    lock.exec('PRAGMA busy_timeout = 60000; BEGIN EXCLUSIVE');
    await work();
    lock.exec('COMMIT');
  } finally {
    lock.close();
  }
}
