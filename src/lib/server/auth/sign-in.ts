/**
 * Signing in with a password, for the sign-in API and the sign-in page alike. Attempts are
 * limited per client address and failures per account, in the database, so that several
 * servers count together; a successful sign-in clears the account's failures. Every failure
 * is in the audit log; the answer never says whether the email has an account.
 */
import type { AppContext } from '../app.ts';
import { errorResponse } from '../errors.ts';
import { authCall } from './auth-errors.ts';

export interface PasswordSignIn {
  email: string;
  password: string;
  rememberMe?: boolean | undefined;
  clientAddress: string;
  /** The request's headers: better-auth checks their Origin and reads the client's address. */
  headers: Headers;
}

/** Counts a sign-in attempt (a password, or the start of single sign-on) from a client address; the 429 when it is one too many. */
export async function countClientAttempt(
  app: Pick<AppContext, 'signInLimits' | 'now'>,
  clientAddress: string,
): Promise<Response | undefined> {
  const verdict = await app.signInLimits.perClient.take(`sign-in:client:${clientAddress}`, app.now().getTime());
  if (verdict.allowed) return undefined;
  return errorResponse('RATE_LIMITED', `Too many sign-in attempts from this address; try again in ${verdict.retryAfterSeconds} s.`, {
    headers: { 'Retry-After': String(verdict.retryAfterSeconds) },
  });
}

export async function signInWithPassword(
  app: Pick<AppContext, 'auth' | 'audit' | 'signInLimits' | 'now' | 'db'>,
  attempt: PasswordSignIn,
): Promise<Response> {
  const email = attempt.email.trim().toLowerCase();
  const now = app.now().getTime();
  const limited = await countClientAttempt(app, attempt.clientAddress);
  if (limited) return limited;
  const accountKey = `sign-in:account:${email}`;
  const forAccount = await app.signInLimits.perAccount.check(accountKey, now);
  if (!forAccount.allowed) {
    const minutes = Math.ceil(forAccount.retryAfterSeconds / 60);
    return errorResponse(
      'RATE_LIMITED',
      `Too many failed sign-ins for this account; try again in ${minutes} min, or ask an admin to reset the password.`,
      { headers: { 'Retry-After': String(forAccount.retryAfterSeconds) } },
    );
  }
  const response = await authCall(() =>
    app.auth.api.signInEmail({
      body: { email, password: attempt.password, rememberMe: attempt.rememberMe ?? true },
      headers: attempt.headers,
      asResponse: true,
    }),
  );
  if (response.ok) {
    await app.signInLimits.perAccount.clear(accountKey);
    return response;
  }
  const translated = response;
  const { error } = (await translated.clone().json()) as { error: { code: string } };
  if (error.code === 'INVALID_CREDENTIALS') await app.signInLimits.perAccount.take(accountKey, now);
  const known = await app.db.selectFrom('user').select(['id', 'email']).where('email', '=', email).executeTakeFirst();
  await app.audit.record({
    type: 'sign-in-failed',
    subject: known ?? { email },
    clientAddress: attempt.clientAddress,
    detail: { reason: error.code === 'ACCOUNT_DEACTIVATED' ? 'account deactivated' : known ? 'wrong password' : 'no such account' },
  });
  return translated;
}
