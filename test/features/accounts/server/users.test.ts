/**
 * People (features/accounts/server/users.ts) on a real database, SQLite and PostgreSQL: adding,
 * changing, deactivating, resetting passwords, the audit trail of each, and the guards that keep
 * a site from locking its admins out.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  createUser,
  deactivateUser,
  findUserByEmail,
  getUser,
  listUsers,
  reactivateUser,
  resetPassword,
  updateUser,
} from '../../../../src/features/accounts/server/users.ts';
import { failure } from '../../../helpers/api-error.ts';
import { DATABASES } from '../../../helpers/databases.ts';
import { PASSWORD, useTestApp } from '../../../helpers/people.ts';

const CLI: Actor = { user: null, via: 'command line' };

describe.each(DATABASES)('people on $name', (database) => {
  let clock = new Date('2026-11-02T09:00:00Z');

  const context = useTestApp(database, { now: () => clock });

  const samOkafor = async () => {
    const sam = await findUserByEmail(context.app, 'sam.okafor@kestrel.example');
    if (!sam) throw new Error('Sam Okafor was not added');
    return sam;
  };

  const person = (email: string, extra: Record<string, unknown> = {}) => ({
    email,
    name: email.split('@')[0] as string,
    role: 'member' as const,
    jobRoles: ['agent'],
    team: 'Tier 1',
    ownerHandles: [],
    password: PASSWORD,
    ...extra,
  });

  it.skipIf(!database.available)('adds a person with their job roles, team and owner handles, and records it', async () => {
    const { user, oneTimePassword } = await createUser(
      context.app,
      CLI,
      person('sam.okafor@kestrel.example', { ownerHandles: ['@kestrel/wellbeing'] }),
    );
    expect(oneTimePassword).toBeUndefined();
    expect(user).toMatchObject({
      email: 'sam.okafor@kestrel.example',
      role: 'member',
      jobRoles: ['agent'],
      jobRolesSince: { agent: '2026-11-02T09:00:00.000Z' },
      team: 'Tier 1',
      ownerHandles: ['@kestrel/wellbeing'],
      status: 'active',
      mustChangePassword: false,
    });
    const { events } = await context.app.audit.list({ type: 'user-created', limit: 10 });
    expect(events[0]).toMatchObject({
      subject: { email: 'sam.okafor@kestrel.example' },
      actor: { id: null },
      detail: { via: 'command line', role: 'member' },
    });
  });

  it.skipIf(!database.available)('makes a one-time password when none is given, to be changed at the first sign-in', async () => {
    const { user, oneTimePassword } = await createUser(context.app, CLI, { ...person('new.hire@kestrel.example'), password: undefined });
    expect(oneTimePassword).toMatch(/^[\w-]{16}$/);
    expect(user.mustChangePassword).toBe(true);
    const signedIn = await context.app.auth.api.signInEmail({
      body: { email: user.email, password: oneTimePassword as string },
      asResponse: true,
    });
    expect(signedIn.status).toBe(200);
  });

  it.skipIf(!database.available)('refuses a second account for one email, also when both arrive at once', async () => {
    expect((await failure(createUser(context.app, CLI, person('sam.okafor@kestrel.example')))).code).toBe('CONFLICT');
    const results = await Promise.allSettled([1, 2, 3].map(() => createUser(context.app, CLI, person('twice@kestrel.example'))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter((result) => result.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    }
    expect((await listUsers(context.app, { search: 'twice@', limit: 10, offset: 0 })).total).toBe(1);
  });

  it.skipIf(!database.available)('refuses a weak password with the reason', async () => {
    const error = await failure(createUser(context.app, CLI, person('weak@kestrel.example', { password: 'password123' })));
    expect(error.code).toBe('WEAK_PASSWORD');
    expect(await findUserByEmail(context.app, 'weak@kestrel.example')).toBeUndefined();
  });

  it.skipIf(!database.available)('changes roles and job roles; a job role kept keeps the day it was given', async () => {
    const sam = await samOkafor();
    clock = new Date('2026-11-20T09:00:00Z');
    const changed = await updateUser(context.app, CLI, sam.id, { role: 'manager', jobRoles: ['agent', 'team-lead'], team: null });
    expect(changed).toMatchObject({ role: 'manager', jobRoles: ['agent', 'team-lead'], team: null });
    expect(changed.jobRolesSince).toEqual({ agent: '2026-11-02T09:00:00.000Z', 'team-lead': '2026-11-20T09:00:00.000Z' });
    const { events } = await context.app.audit.list({ person: 'sam.okafor', limit: 10 });
    expect(events.map((event) => event.type).slice(0, 2)).toEqual(['user-updated', 'role-changed']);
    expect(events[1]?.detail).toMatchObject({ role: { from: 'member', to: 'manager' } });
    expect(events[0]?.detail).toMatchObject({
      team: { from: 'Tier 1', to: null },
      jobRoles: { from: ['agent'], to: ['agent', 'team-lead'] },
    });
  });

  it.skipIf(!database.available)('finds people by part of a name or email, role, status and job role', async () => {
    expect((await listUsers(context.app, { search: 'OKAFOR', limit: 10, offset: 0 })).users.map((user) => user.email)).toEqual([
      'sam.okafor@kestrel.example',
    ]);
    expect((await listUsers(context.app, { jobRole: 'team-lead', limit: 10, offset: 0 })).total).toBe(1);
    expect((await listUsers(context.app, { role: 'manager', status: 'active', limit: 10, offset: 0 })).total).toBe(1);
    // An underscore in a search is a character, not a wildcard.
    expect((await listUsers(context.app, { search: 'sam_okafor', limit: 10, offset: 0 })).total).toBe(0);
  });

  it.skipIf(!database.available)('deactivating ends every session at once; reactivating lets the person in again', async () => {
    const sam = await samOkafor();
    const signedIn = await context.app.auth.api.signInEmail({ body: { email: sam.email, password: PASSWORD }, asResponse: true });
    const cookie = signedIn.headers.getSetCookie()[0]?.split(';')[0] as string;
    expect(await context.app.auth.api.getSession({ headers: new Headers({ cookie }) })).not.toBeNull();
    expect((await deactivateUser(context.app, CLI, sam.id)).status).toBe('deactivated');
    expect(await context.app.auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    const refused = await context.app.auth.api.signInEmail({ body: { email: sam.email, password: PASSWORD }, asResponse: true });
    expect(refused.status).toBe(403);
    expect((await listUsers(context.app, { status: 'deactivated', limit: 10, offset: 0 })).users.map((user) => user.email)).toEqual([
      sam.email,
    ]);
    await reactivateUser(context.app, CLI, sam.id);
    expect((await context.app.auth.api.signInEmail({ body: { email: sam.email, password: PASSWORD }, asResponse: true })).status).toBe(200);
  });

  it.skipIf(!database.available)(
    'keeps one active admin: the last cannot be demoted or deactivated, nor deactivate themselves',
    async () => {
      const { user: admin } = await createUser(context.app, CLI, person('aoife.brennan@kestrel.example', { role: 'admin' }));
      expect((await failure(updateUser(context.app, CLI, admin.id, { role: 'member' }))).code).toBe('LAST_ADMIN');
      expect((await failure(deactivateUser(context.app, CLI, admin.id))).code).toBe('LAST_ADMIN');
      const { user: second } = await createUser(context.app, CLI, person('second.admin@kestrel.example', { role: 'admin' }));
      const asAdmin: Actor = { user: { id: admin.id, email: admin.email } };
      expect((await failure(deactivateUser(context.app, asAdmin, admin.id))).code).toBe('FORBIDDEN');
      expect((await deactivateUser(context.app, asAdmin, second.id)).status).toBe('deactivated');
      // The deactivated admin does not count: the last active one still cannot go.
      expect((await failure(updateUser(context.app, CLI, admin.id, { role: 'member' }))).code).toBe('LAST_ADMIN');
    },
  );

  it.skipIf(!database.available)('resets a password: the old one stops working, sessions end, a one-time one must be changed', async () => {
    const sam = await samOkafor();
    const { oneTimePassword } = await resetPassword(context.app, CLI, sam.id);
    expect((await context.app.auth.api.signInEmail({ body: { email: sam.email, password: PASSWORD }, asResponse: true })).status).toBe(401);
    expect(
      (await context.app.auth.api.signInEmail({ body: { email: sam.email, password: oneTimePassword as string }, asResponse: true }))
        .status,
    ).toBe(200);
    expect((await getUser(context.app, sam.id)).mustChangePassword).toBe(true);
    expect((await failure(resetPassword(context.app, CLI, sam.id, 'qwertyuiop'))).code).toBe('WEAK_PASSWORD');
  });

  it.skipIf(!database.available)('keeps the audit log append-only in the database itself', async () => {
    await expect(sql`update audit_event set type = 'tampered'`.execute(context.app.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event`.execute(context.app.db)).rejects.toThrow(/append-only/);
    const { events } = await context.app.audit.list({ limit: 200 });
    expect(events.some((event) => event.type === 'tampered')).toBe(false);
  });

  it.skipIf(!database.available)('pages through the audit log, newest first', async () => {
    const first = await context.app.audit.list({ limit: 3 });
    expect(first.events).toHaveLength(3);
    const second = await context.app.audit.list({ limit: 3, before: first.next });
    expect(second.events[0]?.id).toBeLessThan(first.events[2]?.id as number);
    expect((await context.app.audit.list({ type: 'deactivated', limit: 50 })).events.every((event) => event.type === 'deactivated')).toBe(
      true,
    );
  });
});
