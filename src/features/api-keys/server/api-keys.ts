/**
 * API keys: made by an admin (admin pages or `npm run key`), shown once, stored as a SHA-256
 * hash, listed without the secret, revoked (never deleted, so the audit log's events about a
 * key keep their meaning). Every request that carries a key looks it up here: a revoked key
 * stops working at the next request, on every server, as nothing about keys is cached.
 *
 * Keys are 32 random bytes, so a plain SHA-256 is enough to store them: a slow password hash
 * protects guessable secrets, and would cost every API call its time.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../kit/server/db/schema.ts';
import { ApiError } from '../../../kit/server/errors.ts';
import type { AuditLog } from '../../accounts/server.ts';
import type { ApiKeyRecord, NewApiKey } from '../schemas.ts';
import { API_KEY_PREFIX, API_KEY_SCOPES, type ApiKeyCaller, type ApiKeyScope, bearerToken, isApiKeyToken } from '../scopes.ts';

export interface ApiKeyDeps {
  db: Kysely<Database>;
  audit: AuditLog;
  now: () => Date;
}

/** Who makes or revokes a key: an admin, or nobody for the command line. */
export interface KeyActor {
  id: string;
  email: string;
}

/** How long after a key's last recorded use its next use is written down: one write a minute, not one per request. */
const LAST_USED_PRECISION_MS = 60_000;
/** Characters of the key kept to tell keys apart in lists: the prefix and 4 of its random part. */
const SHOWN_START_LENGTH = API_KEY_PREFIX.length + 4;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function createApiKey(
  { db, audit, now }: ApiKeyDeps,
  input: NewApiKey,
  { actor, clientAddress }: { actor: KeyActor | null; clientAddress?: string | undefined },
): Promise<ApiKeyRecord & { key: string }> {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const createdAt = now();
  const expiresAt = input.expires ? `${input.expires}T23:59:59.999Z` : null;
  if (expiresAt && expiresAt <= createdAt.toISOString()) {
    throw new ApiError('INVALID_INPUT', 'The key would expire before it is used; see fields.', {
      fields: { expires: 'choose a day from today on, or leave it out for a key that works until revoked' },
    });
  }
  const row = {
    id: `key_${randomBytes(9).toString('base64url')}`,
    name: input.name,
    scopes: input.scopes.join(','),
    hash: hashApiKey(key),
    start: key.slice(0, SHOWN_START_LENGTH),
    created_at: createdAt.toISOString(),
    created_by_id: actor?.id ?? null,
    created_by_email: actor?.email ?? null,
    expires_at: expiresAt,
    last_used_at: null,
    revoked_at: null,
    revoked_by_email: null,
  };
  await db.insertInto('api_key').values(row).execute();
  await audit.record({
    type: 'api-key-created',
    actor,
    clientAddress,
    detail: { key: row.id, name: row.name, scopes: input.scopes, expires: expiresAt },
  });
  return { ...toRecord(row, createdAt), key };
}

export async function listApiKeys({ db, now }: Pick<ApiKeyDeps, 'db' | 'now'>): Promise<ApiKeyRecord[]> {
  const rows = await db.selectFrom('api_key').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  const at = now();
  return rows.map((row) => toRecord(row, at));
}

/** Revokes the key with `id`; revoking it again changes nothing. */
export async function revokeApiKey(
  { db, audit, now }: ApiKeyDeps,
  id: string,
  { actor, clientAddress }: { actor: KeyActor | null; clientAddress?: string | undefined },
): Promise<ApiKeyRecord> {
  const at = now();
  const revoked = await db
    .updateTable('api_key')
    .set({ revoked_at: at.toISOString(), revoked_by_email: actor?.email ?? null })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  const row = await db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `There is no API key ${id}; \`npm run key -- list\` or the admin page lists them.`);
  if (Number(revoked.numUpdatedRows) > 0) {
    await audit.record({ type: 'api-key-revoked', actor, clientAddress, detail: { key: row.id, name: row.name } });
  }
  return toRecord(row, at);
}

export type ResolvedApiKey = { key: ApiKeyCaller } | { problem: string };

/**
 * The key an `Authorization` header carries, or undefined when it carries none (no header, or
 * a bearer token that is not a Knowhow key, such as an OAuth access token). A key that is
 * unknown, revoked or past its expiry gives the problem to say in the 401.
 */
export async function resolveApiKey(
  { db, audit, now }: ApiKeyDeps,
  authorization: string | null | undefined,
  clientAddress?: string,
): Promise<ResolvedApiKey | undefined> {
  const token = bearerToken(authorization);
  if (!isApiKeyToken(token)) return undefined;
  const row = await db
    .selectFrom('api_key')
    .select(['id', 'name', 'scopes', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('hash', '=', hashApiKey(token))
    .executeTakeFirst();
  if (!row) return { problem: 'This API key is not known here: check that it was copied whole, or ask an admin for a new one.' };
  if (row.revoked_at) return { problem: 'This API key was revoked; ask an admin for a new one.' };
  const at = now();
  if (row.expires_at && row.expires_at <= at.toISOString()) {
    return { problem: `This API key expired on ${row.expires_at.slice(0, 10)}; ask an admin for a new one.` };
  }
  await noteUse({ db, audit }, row, at, clientAddress);
  return { key: { id: row.id, name: row.name, scopes: parseScopes(row.scopes) } };
}

/** Keeps "last used" to the minute, and writes the key's first use in the audit log, once. */
async function noteUse(
  { db, audit }: Pick<ApiKeyDeps, 'db' | 'audit'>,
  row: { id: string; name: string; last_used_at: string | null },
  at: Date,
  clientAddress: string | undefined,
): Promise<void> {
  if (row.last_used_at && at.getTime() - Date.parse(row.last_used_at) < LAST_USED_PRECISION_MS) return;
  let update = db.updateTable('api_key').set({ last_used_at: at.toISOString() }).where('id', '=', row.id);
  // Two servers (or two requests) seeing the first use at once: only one of them records it.
  update = row.last_used_at ? update.where('last_used_at', '=', row.last_used_at) : update.where('last_used_at', 'is', null);
  const { numUpdatedRows } = await update.executeTakeFirst();
  if (!row.last_used_at && Number(numUpdatedRows) > 0) {
    await audit.record({ type: 'api-key-first-use', clientAddress, detail: { key: row.id, name: row.name } });
  }
}

function parseScopes(value: string): ApiKeyScope[] {
  return value.split(',').filter((scope): scope is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(scope));
}

function toRecord(row: Database['api_key'], at: Date): ApiKeyRecord {
  const status = row.revoked_at ? 'revoked' : row.expires_at && row.expires_at <= at.toISOString() ? 'expired' : 'active';
  return {
    id: row.id,
    name: row.name,
    scopes: parseScopes(row.scopes),
    start: row.start,
    createdAt: row.created_at,
    createdBy: row.created_by_email,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    status,
  };
}
