/**
 * The password rule (passwords.ts) on every better-auth endpoint that sets a password, with the
 * person whose password it is: from the body where someone new signs up, from the session
 * where a person changes their own. Knowhow's own paths (adding a person, an admin's or the
 * command line's reset) ask passwordProblem themselves (users/users.ts); this covers the ones
 * better-auth answers, so that no path is laxer than another.
 */
import { APIError, getSessionFromCtx } from 'better-auth/api';
import type { Kysely } from 'kysely';
import type { Database } from '../../../kit/server/db/schema.ts';
import { type PasswordOwner, passwordProblem } from './passwords.ts';

type HookContext = Parameters<typeof getSessionFromCtx>[0] & { path?: string; body?: Record<string, unknown> };

/**
 * better-auth's endpoints that set a password, with the body field that holds it. Only
 * sign-up and change-password are reachable over HTTP (src/pages/api/auth/[...all].ts); the
 * others are listed so that a call from code meets the same rule.
 */
const PASSWORD_FIELD: Record<string, string> = {
  '/sign-up/email': 'password',
  '/change-password': 'newPassword',
  '/set-password': 'newPassword',
  '/reset-password': 'newPassword',
  '/admin/create-user': 'password',
  '/admin/set-user-password': 'newPassword',
};

/** Throws WEAK_PASSWORD (400) when the endpoint sets a password that passwordProblem refuses. */
export async function checkNewPassword(ctx: HookContext, db: Kysely<Database>): Promise<void> {
  const field = ctx.path ? PASSWORD_FIELD[ctx.path] : undefined;
  const password = field ? ctx.body?.[field] : undefined;
  if (typeof password !== 'string') return;
  const problem = passwordProblem(password, await owner(ctx, db));
  if (problem) throw new APIError('BAD_REQUEST', { code: 'WEAK_PASSWORD', message: problem });
}

/** Whose password it is. A reset by emailed token names nobody before better-auth checks it: the rule applies without the name then. */
async function owner(ctx: HookContext, db: Kysely<Database>): Promise<PasswordOwner> {
  const body = ctx.body ?? {};
  switch (ctx.path) {
    case '/sign-up/email':
    case '/admin/create-user':
      return { email: String(body.email ?? ''), name: String(body.name ?? '') };
    case '/admin/set-user-password':
      return (
        (await db
          .selectFrom('user')
          .select(['email', 'name'])
          .where('id', '=', String(body.userId ?? ''))
          .executeTakeFirst()) ?? {}
      );
    case '/change-password':
    case '/set-password': {
      // Not refreshed here: the endpoint reads the session again itself, from the database.
      const session = await getSessionFromCtx(ctx, { disableRefresh: true });
      return session?.user ? { email: session.user.email, name: session.user.name } : {};
    }
    default:
      return {};
  }
}
