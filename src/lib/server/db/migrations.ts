/**
 * Knowhow's own tables, as Kysely migrations run at start (migrate.ts). better-auth's tables
 * (user, session, account, verification) come from better-auth's own migrations, run first.
 * A migration, once released, never changes: later issues add new ones.
 */
import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DatabaseKind } from './connect.ts';

export function knowhowMigrations(kind: DatabaseKind): Record<string, Migration> {
  return {
    '2026-11-27-people': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('user_job_role')
          .addColumn('user_id', 'text', (column) => column.notNull().references('user.id').onDelete('cascade'))
          .addColumn('job_role', 'text', (column) => column.notNull())
          .addColumn('granted_at', 'text', (column) => column.notNull())
          .addPrimaryKeyConstraint('user_job_role_pk', ['user_id', 'job_role'])
          .execute();
        await db.schema.createIndex('user_job_role_by_role').on('user_job_role').column('job_role').execute();
        await db.schema
          .createTable('user_owner_handle')
          .addColumn('user_id', 'text', (column) => column.notNull().references('user.id').onDelete('cascade'))
          .addColumn('handle', 'text', (column) => column.notNull())
          .addPrimaryKeyConstraint('user_owner_handle_pk', ['user_id', 'handle'])
          .execute();
        await db.schema.createIndex('user_owner_handle_by_handle').on('user_owner_handle').column('handle').execute();
        await db.schema
          .createTable('rate_limit_bucket')
          .addColumn('key', 'text', (column) => column.primaryKey())
          .addColumn('window_start', 'bigint', (column) => column.notNull())
          .addColumn('count', 'integer', (column) => column.notNull())
          .execute();
        await createAuditLog(db, kind);
      },
    },
  };
}

async function createAuditLog(db: Kysely<unknown>, kind: DatabaseKind): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', kind === 'postgres' ? 'bigserial' : 'integer', (column) =>
      kind === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_email', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('subject_email', 'text')
    .addColumn('client_address', 'text')
    .addColumn('detail', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('audit_event_by_type').on('audit_event').columns(['type', 'id']).execute();
  // Append-only, whoever connects: the database refuses to change or remove an event.
  if (kind === 'postgres') {
    await sql`create function audit_event_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the audit log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function audit_event_append_only()`.execute(db);
  } else {
    for (const operation of ['update', 'delete']) {
      await sql
        .raw(`create trigger audit_event_no_${operation} before ${operation} on audit_event
          begin select raise(abort, 'the audit log is append-only'); end`)
        .execute(db);
    }
  }
}
