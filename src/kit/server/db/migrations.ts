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
    '2026-11-28-training': {
      async up(db: Kysely<unknown>) {
        const userId = (table: string) =>
          db.schema.createTable(table).addColumn('user_id', 'text', (column) => column.notNull().references('user.id').onDelete('cascade'));
        await db.schema
          .createTable('training_assignment')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('module', 'text', (column) => column.notNull())
          .addColumn('user_id', 'text', (column) => column.references('user.id').onDelete('cascade'))
          .addColumn('team', 'text')
          .addColumn('due_on', 'text')
          .addColumn('assigned_by', 'text')
          .addColumn('assigned_at', 'text', (column) => column.notNull())
          .addCheckConstraint('training_assignment_one_target', sql`(user_id is null) <> (team is null)`)
          .execute();
        await db.schema
          .createIndex('training_assignment_by_module')
          .on('training_assignment')
          .columns(['module', 'user_id', 'team'])
          .execute();
        await userId('lesson_completion')
          .addColumn('module', 'text', (column) => column.notNull())
          .addColumn('lesson', 'text', (column) => column.notNull())
          .addColumn('lesson_version', 'text', (column) => column.notNull())
          .addColumn('completed_at', 'text', (column) => column.notNull())
          .addPrimaryKeyConstraint('lesson_completion_pk', ['user_id', 'module', 'lesson'])
          .execute();
        await userId('quiz_attempt')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('module', 'text', (column) => column.notNull())
          .addColumn('number', 'integer', (column) => column.notNull())
          .addColumn('quiz_version', 'text', (column) => column.notNull())
          .addColumn('questions', 'text', (column) => column.notNull())
          .addColumn('answers', 'text')
          .addColumn('marks', 'text')
          .addColumn('score', 'real')
          .addColumn('passed', kind === 'postgres' ? 'boolean' : 'integer')
          .addColumn('idempotency_key', 'text')
          .addColumn('started_at', 'text', (column) => column.notNull())
          .addColumn('finished_at', 'text')
          .execute();
        await db.schema.createIndex('quiz_attempt_by_person').on('quiz_attempt').columns(['user_id', 'module', 'started_at']).execute();
        await db.schema.createIndex('quiz_attempt_by_module').on('quiz_attempt').columns(['module', 'finished_at']).execute();
        // A submission sent twice (a double click, a retry) is the same attempt.
        await db.schema
          .createIndex('quiz_attempt_idempotency')
          .on('quiz_attempt')
          .columns(['user_id', 'idempotency_key'])
          .unique()
          .execute();
        // One attempt open at a time per person and module: the attempt limit cannot be outrun.
        await db.schema
          .createIndex('quiz_attempt_one_open')
          .on('quiz_attempt')
          .columns(['user_id', 'module'])
          .unique()
          .where(sql.ref('finished_at'), 'is', null)
          .execute();
        await userId('module_completion')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('module', 'text', (column) => column.notNull())
          .addColumn('module_version', 'text', (column) => column.notNull())
          .addColumn('quiz_version', 'text')
          .addColumn('attempt_id', 'text')
          .addColumn('score', 'real')
          .addColumn('completed_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema
          .createIndex('module_completion_by_person')
          .on('module_completion')
          .columns(['user_id', 'module', 'completed_at'])
          .execute();
        await userId('retake_request')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('module', 'text', (column) => column.notNull())
          .addColumn('due_on', 'text')
          .addColumn('requested_by', 'text')
          .addColumn('requested_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema
          .createIndex('retake_request_by_person')
          .on('retake_request')
          .columns(['user_id', 'module', 'requested_at'])
          .execute();
      },
    },
    '2026-11-29-search-gaps-and-feedback': {
      async up(db: Kysely<unknown>) {
        // Search questions with no identity at all: no user, no address, no session; one row
        // per normalised question and day, its counters raised by atomic upserts.
        await db.schema
          .createTable('search_gap')
          .addColumn('question', 'text', (column) => column.notNull())
          .addColumn('day', 'text', (column) => column.notNull())
          .addColumn('searches', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('no_results', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('not_opened', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('section', 'text')
          .addPrimaryKeyConstraint('search_gap_pk', ['question', 'day'])
          .execute();
        await db.schema.createIndex('search_gap_by_day').on('search_gap').columns(['day', 'section']).execute();
        await db.schema
          .createTable('page_feedback')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('page_url', 'text', (column) => column.notNull())
          .addColumn('page_version', 'text', (column) => column.notNull())
          .addColumn('helpful', kind === 'postgres' ? 'boolean' : 'integer', (column) => column.notNull())
          .addColumn('comment', 'text')
          .addColumn('day', 'text', (column) => column.notNull())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .addColumn('updated_at', 'text', (column) => column.notNull())
          // Only for signed-in people, to keep to one vote per person, page and day.
          .addColumn('user_id', 'text', (column) => column.references('user.id').onDelete('set null'))
          .execute();
        await db.schema.createIndex('page_feedback_by_page').on('page_feedback').columns(['page_url', 'created_at']).execute();
        await db.schema.createIndex('page_feedback_by_day').on('page_feedback').columns(['day']).execute();
        await db.schema
          .createIndex('page_feedback_one_a_day')
          .on('page_feedback')
          .columns(['user_id', 'page_url', 'day'])
          .unique()
          .where(sql.ref('user_id'), 'is not', null)
          .execute();
      },
    },
    '2026-11-29-acknowledgements': {
      async up(db: Kysely<unknown>) {
        // No foreign key to user: like the audit log, the records outlive the people in them.
        await db.schema
          .createTable('acknowledgement')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('user_id', 'text', (column) => column.notNull())
          .addColumn('page_url', 'text', (column) => column.notNull())
          .addColumn('page_file', 'text', (column) => column.notNull())
          .addColumn('version', 'text', (column) => column.notNull())
          .addColumn('text_hash', 'text', (column) => column.notNull())
          .addColumn('acknowledged_at', 'text', (column) => column.notNull())
          // The same version signed twice (a double click, two tabs) is one record.
          .addUniqueConstraint('acknowledgement_once', ['user_id', 'page_url', 'version'])
          .execute();
        await db.schema.createIndex('acknowledgement_by_page').on('acknowledgement').columns(['page_url', 'version']).execute();
        await db.schema
          .createTable('page_version')
          .addColumn('page_url', 'text', (column) => column.notNull())
          .addColumn('text_hash', 'text', (column) => column.notNull())
          .addColumn('version', 'text', (column) => column.notNull())
          .addColumn('text', 'text', (column) => column.notNull())
          .addColumn('first_seen_at', 'text', (column) => column.notNull())
          .addPrimaryKeyConstraint('page_version_pk', ['page_url', 'text_hash'])
          .execute();
        await appendOnly(db, kind, 'acknowledgement', 'acknowledgements are append-only');
        await appendOnly(db, kind, 'page_version', 'page versions are append-only');
      },
    },
    '2026-11-30-user-language': {
      async up(db: Kysely<unknown>) {
        // The interface language a person chose on /account/ (kit/i18n/languages.ts); null: the handbook's.
        await db.schema.alterTable('user').addColumn('language', 'text').execute();
      },
    },
    '2026-12-01-acknowledgement-language': {
      async up(db: Kysely<unknown>) {
        // Reading a current translation counts for the original's version; auditors see which text was read.
        await db.schema.alterTable('acknowledgement').addColumn('read_in', 'text').execute();
      },
    },
    '2026-12-01-quiz-attempt-language': {
      async up(db: Kysely<unknown>) {
        // The language the attempt's questions were shown in. Null on attempts made before
        // quizzes could be translated: those were in the quiz's own language.
        await db.schema.alterTable('quiz_attempt').addColumn('lang', 'text').execute();
      },
    },
    '2026-12-07-page-feedback-one-vote-per-reader': {
      async up(db: Kysely<unknown>) {
        // One vote per reader and page version, where it was one per signed-in person and day
        // and unlimited for everyone else. `reader` is "person:<user id>", or for someone not
        // signed in "address:" and a keyed hash of their address and the day (feedback.ts): the
        // address itself is never stored.
        await db.schema.alterTable('page_feedback').addColumn('reader', 'text').execute();
        // A person's latest vote on each version becomes their one vote. Older ones, and
        // anonymous ones, whose address was never kept, stay as they were, with no reader.
        await sql`
          update page_feedback set reader = 'person:' || user_id
          where id in (
            select id from (
              select id, row_number() over (partition by user_id, page_url, page_version order by updated_at desc, id desc) as newest
              from page_feedback where user_id is not null
            ) ranked
            where newest = 1
          )`.execute(db);
        await db.schema.dropIndex('page_feedback_one_a_day').execute();
        await db.schema
          .createIndex('page_feedback_one_per_reader')
          .on('page_feedback')
          .columns(['page_url', 'page_version', 'reader'])
          .unique()
          .where(sql.ref('reader'), 'is not', null)
          .execute();
      },
    },
    '2026-12-07-search-gap-once-per-asker': {
      async up(db: Kysely<unknown>) {
        // Who already counted for a question on a day, so that one client cannot push a
        // question up the report by asking it again and again. `asker` is a keyed hash of the
        // day, the question and the reader together (gaps.ts): it recognises a repeat, and
        // links no two questions to one reader. Rows older than yesterday are removed.
        await db.schema
          .createTable('search_gap_asker')
          .addColumn('day', 'text', (column) => column.notNull())
          .addColumn('asker', 'text', (column) => column.notNull())
          .addPrimaryKeyConstraint('search_gap_asker_pk', ['day', 'asker'])
          .execute();
      },
    },
    '2026-12-08-api-keys': {
      async up(db: Kysely<unknown>) {
        // Keys for services (a helpdesk app, a chat bot, an HR system). Only a SHA-256 hash of
        // each key is kept: the key is shown once, when it is made. A key is revoked, never
        // deleted, so that the audit log's events about it keep their meaning.
        await db.schema
          .createTable('api_key')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('name', 'text', (column) => column.notNull())
          .addColumn('scopes', 'text', (column) => column.notNull())
          .addColumn('hash', 'text', (column) => column.notNull().unique())
          .addColumn('start', 'text', (column) => column.notNull())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .addColumn('created_by_id', 'text')
          .addColumn('created_by_email', 'text')
          .addColumn('expires_at', 'text')
          .addColumn('last_used_at', 'text')
          .addColumn('revoked_at', 'text')
          .addColumn('revoked_by_email', 'text')
          .execute();
      },
    },
  };
}

/** The database itself refuses to change or remove a row of `table`, whoever connects. */
async function appendOnly(db: Kysely<unknown>, kind: DatabaseKind, table: string, message: string): Promise<void> {
  if (kind === 'postgres') {
    await sql
      .raw(`create function ${table}_append_only() returns trigger language plpgsql as $$
        begin raise exception '${message}'; end $$`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_append_only before update or delete on ${table}
        for each row execute function ${table}_append_only()`)
      .execute(db);
    // Row triggers do not see TRUNCATE.
    await sql
      .raw(`create trigger ${table}_no_truncate before truncate on ${table}
        for each statement execute function ${table}_append_only()`)
      .execute(db);
    return;
  }
  for (const operation of ['update', 'delete']) {
    await sql
      .raw(`create trigger ${table}_no_${operation} before ${operation} on ${table}
        begin select raise(abort, '${message}'); end`)
      .execute(db);
  }
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
