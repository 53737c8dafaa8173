/**
 * The session lookup every signed-in request makes (features/accounts/server/session.ts): it must accept
 * exactly the cookies better-auth would, see sign-outs and deactivations at once, and renew a
 * session that is due, passing the renewed cookie on.
 */
import { describe, expect, it } from 'vitest';
import { resolveSession } from '../../../../src/features/accounts/server/session.ts';
import { dbDate } from '../../../../src/kit/server/db/values.ts';
import { deactivateUser, findUserByEmail, reactivateUser } from '../../../../src/features/accounts/server/users.ts';
import { DATABASES } from '../../../helpers/databases.ts';
import { PASSWORD, PEOPLE, useTestApp } from '../../../helpers/people.ts';

describe.each(DATABASES)('resolveSession on $name', (database) => {
  const context = useTestApp(database, { seed: true });

  async function signedInCookie(email: string): Promise<string> {
    const response = await context.app.auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
    return response.headers.getSetCookie()[0]?.split(';')[0] as string;
  }
  const lookUp = (cookie: string) => resolveSession(context.app, new Headers({ cookie }));

  it.skipIf(!database.available)('finds the person, with their job roles, as better-auth does', async () => {
    const cookie = await signedInCookie(PEOPLE.member.email);
    const { user, setCookies } = await lookUp(`theme=dark; ${cookie}`);
    expect(user).toMatchObject({ email: PEOPLE.member.email, role: 'member', jobRoles: ['agent'], team: 'Tier 1', status: 'active' });
    expect(setCookies).toEqual([]);
    const theirs = await context.app.auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(theirs?.user.id).toBe(user?.id);
  });

  it.skipIf(!database.available)('refuses a forged or altered cookie', async () => {
    const cookie = await signedInCookie(PEOPLE.member.email);
    const [name, value] = cookie.split('=') as [string, string];
    const [token, signature] = decodeURIComponent(value).split('.') as [string, string];
    const forged = (candidate: string) => `${name}=${encodeURIComponent(candidate)}`;
    expect((await lookUp(forged(`${token}.${'A'.repeat(43)}=`))).user).toBeNull();
    // Another last character: one that is not already there (1 token in 62 ends with "x").
    const altered = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
    expect((await lookUp(forged(`${altered}.${signature}`))).user).toBeNull();
    expect((await lookUp(forged(token))).user).toBeNull();
    expect((await lookUp(`${name}=%E0%A4%A`)).user).toBeNull();
    expect((await lookUp('')).user).toBeNull();
  });

  it.skipIf(!database.available)('sees a sign-out and a deactivation at once', async () => {
    const cookie = await signedInCookie(PEOPLE.manager.email);
    expect((await lookUp(cookie)).user).not.toBeNull();
    await context.app.auth.api.signOut({ headers: new Headers({ cookie }) });
    expect((await lookUp(cookie)).user).toBeNull();
    const again = await signedInCookie(PEOPLE.manager.email);
    const manager = await findUserByEmail(context.app, PEOPLE.manager.email);
    await deactivateUser(context.app, { user: null }, manager?.id as string);
    expect((await lookUp(again)).user).toBeNull();
    await reactivateUser(context.app, { user: null }, manager?.id as string);
  });

  it.skipIf(!database.available)('renews a session that is due, and passes on the renewed cookie', async () => {
    const cookie = await signedInCookie(PEOPLE.admin.email);
    const token = decodeURIComponent(cookie.split('=')[1] as string).split('.')[0] as string;
    // Signed in two days ago: past the one-day renewal age, five days before it ends.
    const twoDaysAgoExpiry = new Date(Date.now() + 5 * 86_400_000);
    await context.app.db
      .updateTable('session')
      .set({ expiresAt: dbDate(context.app.database.kind, twoDaysAgoExpiry) })
      .where('token', '=', token)
      .execute();
    const { user, setCookies } = await lookUp(cookie);
    expect(user?.email).toBe(PEOPLE.admin.email);
    expect(setCookies.some((set) => set.startsWith('better-auth.session_token='))).toBe(true);
    const renewed = await context.app.db.selectFrom('session').select('expiresAt').where('token', '=', token).executeTakeFirstOrThrow();
    expect(new Date(renewed.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    // An expired session is nobody.
    await context.app.db
      .updateTable('session')
      .set({ expiresAt: dbDate(context.app.database.kind, new Date(Date.now() - 1000)) })
      .where('token', '=', token)
      .execute();
    expect((await lookUp(cookie)).user).toBeNull();
  });
});
