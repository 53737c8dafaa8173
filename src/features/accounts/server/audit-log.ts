/**
 * The append-only log of security events: sign-ins and failed ones, people created, roles
 * changed, accounts deactivated, passwords reset or changed, API keys made, revoked and first
 * used. Rows are only ever inserted; the database itself refuses updates and deletes (triggers
 * in db/migrations.ts).
 */
import type { Kysely } from 'kysely';
import { contains } from '../../../kit/server/db/contains.ts';
import type { Database } from '../../../kit/server/db/schema.ts';

export const AUDIT_EVENT_TYPES = [
  'sign-in',
  'sign-in-failed',
  'user-created',
  'user-updated',
  'role-changed',
  'deactivated',
  'reactivated',
  'password-reset',
  'password-changed',
  'api-key-created',
  'api-key-revoked',
  'api-key-first-use',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

interface Person {
  id: string;
  email: string;
}

export interface AuditEntry {
  type: AuditEventType;
  /** Who did it; none for the command line. */
  actor?: Person | null | undefined;
  /** Whom it concerns. */
  subject?: Person | { id?: undefined; email: string } | null | undefined;
  clientAddress?: string | null | undefined;
  detail?: Record<string, unknown>;
}

export interface AuditEvent {
  id: number;
  at: string;
  type: string;
  actor: { id: string | null; email: string | null };
  subject: { id: string | null; email: string | null };
  clientAddress: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  type?: AuditEventType | undefined;
  /** Events about or by this person (email, or part of it). */
  person?: string | undefined;
  /** Only events older than this id: the next page. */
  before?: number | undefined;
  limit: number;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  list(filter: AuditFilter): Promise<{ events: AuditEvent[]; next: number | undefined }>;
}

/** Writes one event with `executor`: the database, or the transaction of the change it records. */
export async function writeAuditEvent(executor: Kysely<Database>, at: Date, { type, actor, subject, clientAddress, detail }: AuditEntry) {
  await executor
    .insertInto('audit_event')
    .values({
      at: at.toISOString(),
      type,
      actor_id: actor?.id ?? null,
      actor_email: actor?.email ?? null,
      subject_id: subject?.id ?? null,
      subject_email: subject?.email ?? null,
      client_address: clientAddress ?? null,
      detail: JSON.stringify(detail ?? {}),
    })
    .execute();
}

export function createAuditLog({ db, now }: { db: Kysely<Database>; now: () => Date }): AuditLog {
  return {
    record: (entry) => writeAuditEvent(db, now(), entry),

    async list({ type, person, before, limit }) {
      let query = db
        .selectFrom('audit_event')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (type) query = query.where('type', '=', type);
      if (before !== undefined) query = query.where('id', '<', before);
      if (person) query = query.where((eb) => eb.or([contains(eb.ref('actor_email'), person), contains(eb.ref('subject_email'), person)]));
      const rows = await query.execute();
      const events = rows.slice(0, limit).map((row) => ({
        id: Number(row.id),
        at: row.at,
        type: row.type,
        actor: { id: row.actor_id, email: row.actor_email },
        subject: { id: row.subject_id, email: row.subject_email },
        clientAddress: row.client_address,
        detail: JSON.parse(row.detail) as Record<string, unknown>,
      }));
      return { events, next: rows.length > limit ? events.at(-1)?.id : undefined };
    },
  };
}
