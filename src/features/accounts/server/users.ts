/**
 * People: listing, adding, changing, deactivating and resetting passwords. The admin API and
 * pages, the command line and the CSV import all come here. Each change is one transaction with
 * its audit event, so a crash leaves either both or neither; the last active admin cannot be
 * demoted or deactivated, so a site never locks its administrators out.
 */
import type { Language } from '../../../kit/i18n/languages.ts';
import { randomBytes } from 'node:crypto';
import { generateId } from 'better-auth';
import { type ExpressionBuilder, sql, type Transaction } from 'kysely';
import type { AppContext } from '../../../server/app.ts';
import { type AuditEntry, writeAuditEvent } from './audit-log.ts';
import type { PermissionRole } from './permissions.ts';
import { passwordProblem } from './passwords.ts';
import type { DatabaseKind } from '../../../kit/server/db/connect.ts';
import { contains } from '../../../kit/server/db/contains.ts';
import type { Database } from '../../../kit/server/db/schema.ts';
import { dbBoolean, dbDate } from '../../../kit/server/db/values.ts';
import { ApiError } from '../../../kit/server/errors.ts';
import type { NewUser, UserChanges } from './user-input.ts';
import { selectUserRecords, toUserRecord, type UserRecord, type UserStatus } from './user-records.ts';

export type UserDeps = Pick<AppContext, 'db' | 'database' | 'auth' | 'now'>;

/** Who makes a change: a signed-in admin, or the command line (no user). */
export interface Actor {
  user: { id: string; email: string } | null;
  clientAddress?: string | null | undefined;
  /** For changes without a signed-in person: how they were made, e.g. "command line". */
  via?: string;
}

export type { UserRecord, UserStatus } from './user-records.ts';

export interface UserQuery {
  /** Part of a name or an email address. */
  search?: string | undefined;
  role?: PermissionRole | undefined;
  status?: UserStatus | undefined;
  jobRole?: string | undefined;
  team?: string | undefined;
  limit: number;
  offset: number;
}

const ONE_TIME_PASSWORD_BYTES = 12;

export async function listUsers({ db, database }: UserDeps, query: UserQuery): Promise<{ users: UserRecord[]; total: number }> {
  let select = db.selectFrom('user');
  if (query.search) {
    const search = query.search;
    select = select.where((eb) => eb.or([contains(eb.ref('user.name'), search), contains(eb.ref('user.email'), search)]));
  }
  if (query.role) select = select.where('user.role', '=', query.role);
  if (query.status) select = select.where((eb) => activeIs(eb, database.kind, query.status === 'active'));
  if (query.team) select = select.where('user.team', '=', query.team);
  if (query.jobRole) {
    const jobRole = query.jobRole;
    select = select.where((eb) =>
      eb.exists(
        eb.selectFrom('user_job_role').select('user_id').whereRef('user_job_role.user_id', '=', 'user.id').where('job_role', '=', jobRole),
      ),
    );
  }
  const ids = select.select('user.id');
  const [rows, count] = await Promise.all([
    selectUserRecords(db, database.kind)
      .where('user.id', 'in', ids)
      .orderBy('user.name')
      .orderBy('user.email')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    select.select((eb) => eb.fn.countAll().as('count')).executeTakeFirst(),
  ]);
  return { users: rows.map(toUserRecord), total: Number(count?.count ?? 0) };
}

export async function getUser({ db, database }: UserDeps, id: string): Promise<UserRecord> {
  const row = await selectUserRecords(db, database.kind).where('user.id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', 'There is nobody with that id.');
  return toUserRecord(row);
}

export async function findUserByEmail({ db, database }: UserDeps, email: string): Promise<UserRecord | undefined> {
  const row = await selectUserRecords(db, database.kind).where('user.email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return row ? toUserRecord(row) : undefined;
}

/** The interface language a person chose on /account/; null goes back to the handbook's own. */
export async function setUserLanguage({ db }: Pick<UserDeps, 'db'>, id: string, language: Language | null): Promise<void> {
  await db.updateTable('user').set({ language }).where('id', '=', id).execute();
}

/** The teams people are in, by name: for filters and assignment forms. */
export async function teamsInUse({ db }: Pick<UserDeps, 'db'>): Promise<string[]> {
  const rows = await db.selectFrom('user').select('team').distinct().where('team', 'is not', null).orderBy('team').execute();
  return rows.map((row) => row.team as string);
}

/**
 * Adds a person. Without a password in `input`, a one-time password is made, returned once
 * and must be changed at the first sign-in.
 */
export async function createUser(deps: UserDeps, actor: Actor, input: NewUser): Promise<{ user: UserRecord; oneTimePassword?: string }> {
  const prepared = await prepareUser(deps, input);
  await deps.db
    .transaction()
    .execute((trx) => insertUser(trx, deps, actor, prepared))
    .catch(duplicateEmailAsConflict(input.email));
  const user = await getUser(deps, prepared.id);
  return prepared.oneTimePassword ? { user, oneTimePassword: prepared.oneTimePassword } : { user };
}

/** A person ready to insert: checked password, its hash, a new id. */
export interface PreparedUser {
  id: string;
  input: NewUser;
  /** Undefined for a person who signs in through single sign-on only. */
  passwordHash: string | undefined;
  oneTimePassword: string | undefined;
}

/**
 * Checks and hashes the password (hashing runs on libuv's thread pool, so several people can
 * be prepared at once). `withoutPassword` leaves the person to single sign-on.
 */
export async function prepareUser(
  { auth }: Pick<UserDeps, 'auth'>,
  input: NewUser,
  { withoutPassword = false } = {},
): Promise<PreparedUser> {
  const id = generateId();
  if (withoutPassword) return { id, input, passwordHash: undefined, oneTimePassword: undefined };
  const oneTimePassword = input.password === undefined ? makeOneTimePassword() : undefined;
  const password = input.password ?? (oneTimePassword as string);
  // A made one-time password is 96 random bits: only a chosen one needs checking.
  const problem = oneTimePassword ? undefined : passwordProblem(password, input);
  if (problem) throw new ApiError('WEAK_PASSWORD', problem, { fields: { password: problem } });
  return { id, input, passwordHash: await (await auth.$context).password.hash(password), oneTimePassword };
}

/** Inserts a prepared person with their job roles, owner handles and audit event, in `trx`. */
export async function insertUser(
  trx: Transaction<Database>,
  { database, now }: Pick<UserDeps, 'database' | 'now'>,
  actor: Actor,
  prepared: PreparedUser,
) {
  const { id, input, passwordHash, oneTimePassword } = prepared;
  const at = now();
  const kind = database.kind;
  if (await trx.selectFrom('user').select('id').where('email', '=', input.email).executeTakeFirst()) throw emailTaken(input.email);
  await trx
    .insertInto('user')
    .values({
      id,
      email: input.email,
      name: input.name,
      emailVerified: dbBoolean(kind, false),
      image: null,
      createdAt: dbDate(kind, at),
      updatedAt: dbDate(kind, at),
      role: input.role,
      banned: dbBoolean(kind, false),
      banReason: null,
      banExpires: null,
      team: input.team,
      mustChangePassword: dbBoolean(kind, oneTimePassword !== undefined),
    })
    .execute();
  if (passwordHash) await insertCredential(trx, kind, id, passwordHash, at);
  await setJobRoles(trx, id, input.jobRoles, at);
  await setOwnerHandles(trx, id, input.ownerHandles);
  await audit(trx, at, actor, {
    type: 'user-created',
    subject: { id, email: input.email },
    detail: { role: input.role, jobRoles: input.jobRoles, team: input.team, ownerHandles: input.ownerHandles },
  });
}

function emailTaken(email: string): ApiError {
  return new ApiError('CONFLICT', `${email} already has an account; change it instead.`, { fields: { email: 'already has an account' } });
}

/** Two requests for one new address at once: the database's unique email decides. */
export function duplicateEmailAsConflict(email: string) {
  return (error: unknown): never => {
    if (!(error instanceof ApiError) && /unique|duplicate/i.test(String((error as Error)?.message))) throw emailTaken(email);
    throw error;
  };
}

async function insertCredential(trx: Transaction<Database>, kind: DatabaseKind, userId: string, hash: string, at: Date): Promise<void> {
  await trx
    .insertInto('account')
    .values({
      id: generateId(),
      userId,
      accountId: userId,
      providerId: 'credential',
      password: hash,
      createdAt: dbDate(kind, at),
      updatedAt: dbDate(kind, at),
    })
    .execute();
}

/** Changes what `changes` names; job roles kept keep the day they were given. */
export async function updateUser(deps: UserDeps, actor: Actor, id: string, changes: UserChanges): Promise<UserRecord> {
  const { db, database, now } = deps;
  const before = await getUser(deps, id);
  const at = now();
  await db.transaction().execute(async (trx) => {
    if (changes.role && changes.role !== before.role) {
      if (before.role === 'admin' && before.status === 'active') await assertAnotherAdmin(trx, database.kind, id, 'demote');
      await trx
        .updateTable('user')
        .set({ role: changes.role, updatedAt: dbDate(database.kind, at) })
        .where('id', '=', id)
        .execute();
      await audit(trx, at, actor, { type: 'role-changed', subject: before, detail: { role: { from: before.role, to: changes.role } } });
    }
    const detail: Record<string, { from: unknown; to: unknown }> = {};
    if (changes.name !== undefined && changes.name !== before.name) detail.name = { from: before.name, to: changes.name };
    if (changes.team !== undefined && changes.team !== before.team) detail.team = { from: before.team, to: changes.team };
    if (changes.jobRoles && !sameSet(changes.jobRoles, before.jobRoles)) detail.jobRoles = { from: before.jobRoles, to: changes.jobRoles };
    if (changes.ownerHandles && !sameSet(changes.ownerHandles, before.ownerHandles)) {
      detail.ownerHandles = { from: before.ownerHandles, to: changes.ownerHandles };
    }
    if (Object.keys(detail).length === 0) return;
    const columns = {
      ...(detail.name ? { name: changes.name as string } : {}),
      ...(detail.team ? { team: changes.team ?? null } : {}),
    };
    await trx
      .updateTable('user')
      .set({ ...columns, updatedAt: dbDate(database.kind, at) })
      .where('id', '=', id)
      .execute();
    if (detail.jobRoles) await setJobRoles(trx, id, changes.jobRoles as string[], at);
    if (detail.ownerHandles) await setOwnerHandles(trx, id, changes.ownerHandles as string[]);
    await audit(trx, at, actor, { type: 'user-updated', subject: before, detail });
  });
  return getUser(deps, id);
}

/** Deactivates a person: they cannot sign in, and every session they have ends at once. */
export async function deactivateUser(deps: UserDeps, actor: Actor, id: string): Promise<UserRecord> {
  const { db, database, now } = deps;
  const before = await getUser(deps, id);
  if (before.status === 'deactivated') return before;
  if (actor.user?.id === id) throw new ApiError('FORBIDDEN', 'You cannot deactivate your own account; ask another admin.');
  const at = now();
  await db.transaction().execute(async (trx) => {
    if (before.role === 'admin') await assertAnotherAdmin(trx, database.kind, id, 'deactivate');
    await trx
      .updateTable('user')
      .set({ banned: dbBoolean(database.kind, true), banReason: 'deactivated', updatedAt: dbDate(database.kind, at) })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('session').where('userId', '=', id).execute();
    // The assistants they connected (OAuth, better-auth's tables): no refresh, no access.
    for (const table of ['oauthRefreshToken', 'oauthAccessToken', 'oauthConsent'])
      await sql`delete from ${sql.table(table)} where ${sql.ref('userId')} = ${id}`.execute(trx);
    await audit(trx, at, actor, { type: 'deactivated', subject: before });
  });
  return getUser(deps, id);
}

export async function reactivateUser(deps: UserDeps, actor: Actor, id: string): Promise<UserRecord> {
  const { db, database, now } = deps;
  const before = await getUser(deps, id);
  if (before.status === 'active') return before;
  const at = now();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('user')
      .set({ banned: dbBoolean(database.kind, false), banReason: null, updatedAt: dbDate(database.kind, at) })
      .where('id', '=', id)
      .execute();
    await audit(trx, at, actor, { type: 'reactivated', subject: before });
  });
  return getUser(deps, id);
}

/**
 * Sets a new password (`password`, or a one-time one that must be changed at the next sign-in)
 * and ends every session the person has.
 */
export async function resetPassword(deps: UserDeps, actor: Actor, id: string, password?: string): Promise<{ oneTimePassword?: string }> {
  const { db, database, auth, now } = deps;
  const user = await getUser(deps, id);
  const oneTimePassword = password === undefined ? makeOneTimePassword() : undefined;
  const chosen = password ?? (oneTimePassword as string);
  const problem = oneTimePassword ? undefined : passwordProblem(chosen, user);
  if (problem) throw new ApiError('WEAK_PASSWORD', problem, { fields: { password: problem } });
  const hash = await (await auth.$context).password.hash(chosen);
  const at = now();
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('account')
      .set({ password: hash, updatedAt: dbDate(database.kind, at) })
      .where('userId', '=', id)
      .where('providerId', '=', 'credential')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await insertCredential(trx, database.kind, id, hash, at);
    await trx
      .updateTable('user')
      .set({ mustChangePassword: dbBoolean(database.kind, oneTimePassword !== undefined), updatedAt: dbDate(database.kind, at) })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('session').where('userId', '=', id).execute();
    await audit(trx, at, actor, { type: 'password-reset', subject: user, detail: { oneTime: oneTimePassword !== undefined } });
  });
  return oneTimePassword ? { oneTimePassword } : {};
}

/**
 * Twelve random bytes as 16 URL-safe characters: shown once, changed at the first sign-in.
 * Never one that starts with "-": a spreadsheet would read it as a formula, and the CSV of an
 * import (csv.ts) would have to change it to keep it from running.
 */
export function makeOneTimePassword(): string {
  for (;;) {
    const password = randomBytes(ONE_TIME_PASSWORD_BYTES).toString('base64url');
    if (!password.startsWith('-')) return password;
  }
}

async function assertAnotherAdmin(
  trx: Transaction<Database>,
  kind: DatabaseKind,
  id: string,
  action: 'demote' | 'deactivate',
): Promise<void> {
  const others = await trx
    .selectFrom('user')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('role', '=', 'admin')
    .where('id', '!=', id)
    .where((eb) => activeIs(eb, kind, true))
    .executeTakeFirst();
  if (Number(others?.count ?? 0) === 0) {
    throw new ApiError('LAST_ADMIN', `This is the only active admin: make someone else an admin before you ${action} them.`);
  }
}

/** banned is null, 0 or false for an active person, whichever database wrote it. */
function activeIs(eb: ExpressionBuilder<Database, 'user'>, kind: DatabaseKind, active: boolean) {
  return active
    ? eb.or([eb('user.banned', 'is', null), eb('user.banned', '=', dbBoolean(kind, false))])
    : eb('user.banned', '=', dbBoolean(kind, true));
}

async function setJobRoles(trx: Transaction<Database>, userId: string, jobRoles: readonly string[], at: Date): Promise<void> {
  const kept = await trx.selectFrom('user_job_role').select('job_role').where('user_id', '=', userId).execute();
  const current = new Set(kept.map((row) => row.job_role));
  const removed = [...current].filter((role) => !jobRoles.includes(role));
  if (removed.length > 0) await trx.deleteFrom('user_job_role').where('user_id', '=', userId).where('job_role', 'in', removed).execute();
  const added = jobRoles.filter((role) => !current.has(role));
  if (added.length > 0) {
    await trx
      .insertInto('user_job_role')
      .values(added.map((job_role) => ({ user_id: userId, job_role, granted_at: at.toISOString() })))
      .execute();
  }
}

async function setOwnerHandles(trx: Transaction<Database>, userId: string, handles: readonly string[]): Promise<void> {
  await trx.deleteFrom('user_owner_handle').where('user_id', '=', userId).execute();
  if (handles.length > 0)
    await trx
      .insertInto('user_owner_handle')
      .values(handles.map((handle) => ({ user_id: userId, handle })))
      .execute();
}

function audit(trx: Transaction<Database>, at: Date, actor: Actor, entry: Omit<AuditEntry, 'actor' | 'clientAddress'>) {
  const detail = actor.user ? entry.detail : { ...entry.detail, via: actor.via ?? 'command line' };
  return writeAuditEvent(trx, at, {
    ...entry,
    ...(detail ? { detail } : {}),
    actor: actor.user,
    clientAddress: actor.clientAddress ?? null,
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}
