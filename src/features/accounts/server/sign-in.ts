/**
 * Signing in with a password, for the sign-in API and the sign-in page alike. Every failure is
 * in the audit log; the answer never says whether the email has an account.
 *
 * Guessing is slowed where it comes from, so that nobody can use the limits to lock someone
 * else out (as ten wrong passwords typed by anyone once locked any account, admins' included):
 * - every attempt counts against its client address (KNOWHOW_SIGNIN_RATE_LIMIT a minute);
 * - failures count per account *and* client address: after KNOWHOW_SIGNIN_ACCOUNT_LIMIT of them
 *   in 15 minutes, that address waits for that account, even with the right password (or the
 *   guessing would go on), while the person signs in from their own desk at once;
 * - failures also count per account from all addresses, against guessing spread over many
 *   addresses: past KNOWHOW_SIGNIN_ACCOUNT_CEILING in 15 minutes, an address that has failed for
 *   the account waits too. An address that has not failed is never held up by it.
 * A successful sign-in clears its address's failures for the account. The counts are in the
 * database, so that several servers count together, under keyed hashes (pseudonyms.ts): neither
 * the address nor the email is stored in them, and an IPv6 address counts by its /64.
 */
import type { AppContext } from '../../../server/app.ts';
import { errorResponse } from '../../../kit/server/errors.ts';
import { clientNetwork } from '../../../kit/server/pseudonyms.ts';
import { authCall } from './auth-errors.ts';

export interface PasswordSignIn {
  email: string;
  password: string;
  rememberMe?: boolean | undefined;
  clientAddress: string;
  /** The request's headers: better-auth checks their Origin and reads the client's address. */
  headers: Headers;
}

type SignInDeps = Pick<AppContext, 'auth' | 'audit' | 'signInLimits' | 'now' | 'db' | 'env' | 'pseudonym'>;

/** Counts a sign-in attempt (a password, or the start of single sign-on) from a client address; the 429 when it is one too many. */
export async function countClientAttempt(
  app: Pick<AppContext, 'signInLimits' | 'now' | 'pseudonym'>,
  clientAddress: string,
): Promise<Response | undefined> {
  const key = app.pseudonym('sign-in client', clientNetwork(clientAddress));
  const verdict = await app.signInLimits.perClient.take(key, app.now().getTime());
  if (verdict.allowed) return undefined;
  return tooMany(`Too many sign-in attempts from this address; try again in ${verdict.retryAfterSeconds} s.`, verdict.retryAfterSeconds);
}

export async function signInWithPassword(app: SignInDeps, attempt: PasswordSignIn): Promise<Response> {
  const email = attempt.email.trim().toLowerCase();
  const now = app.now().getTime();
  const limited = await countClientAttempt(app, attempt.clientAddress);
  if (limited) return limited;
  const keys = {
    fromClient: app.pseudonym('sign-in failures', email, clientNetwork(attempt.clientAddress)),
    account: app.pseudonym('sign-in account', email),
  };
  const waiting = await failuresWait(app, keys, now);
  if (waiting) return waiting;
  const response = await authCall(() =>
    app.auth.api.signInEmail({
      body: { email, password: attempt.password, rememberMe: attempt.rememberMe ?? true },
      headers: attempt.headers,
      asResponse: true,
    }),
  );
  if (response.ok) {
    await app.signInLimits.perAccountFromClient.clear(keys.fromClient);
    return response;
  }
  const { error } = (await response.clone().json()) as { error: { code: string } };
  if (error.code === 'INVALID_CREDENTIALS') {
    await app.signInLimits.perAccountFromClient.take(keys.fromClient, now);
    await app.signInLimits.perAccount.take(keys.account, now);
  }
  const known = await app.db.selectFrom('user').select(['id', 'email']).where('email', '=', email).executeTakeFirst();
  await app.audit.record({
    type: 'sign-in-failed',
    subject: known ?? { email },
    clientAddress: attempt.clientAddress,
    detail: { reason: error.code === 'ACCOUNT_DEACTIVATED' ? 'account deactivated' : known ? 'wrong password' : 'no such account' },
  });
  return response;
}

/** The 429 for an address that has failed too often for this account, or undefined when it may try. */
async function failuresWait(
  app: Pick<SignInDeps, 'signInLimits' | 'env'>,
  keys: { fromClient: string; account: string },
  now: number,
): Promise<Response | undefined> {
  const limits = app.env.signInRateLimit;
  const fromClient = await app.signInLimits.perAccountFromClient.peek(keys.fromClient, now);
  // An address that has not failed for this account is never held up.
  if (fromClient.count === 0) return undefined;
  if (fromClient.count >= limits.perAccountFromClient) {
    return tooMany(
      `Too many failed sign-ins to this account from your address; try again in ${minutes(fromClient.retryAfterSeconds)} min. Signing in from elsewhere is not affected.`,
      fromClient.retryAfterSeconds,
    );
  }
  const account = await app.signInLimits.perAccount.peek(keys.account, now);
  if (account.count < limits.accountCeiling) return undefined;
  // Over the ceiling, this address's failures count until either count's window ends.
  const wait = Math.min(fromClient.retryAfterSeconds, account.retryAfterSeconds);
  return tooMany(
    `This account has had many failed sign-ins lately, one of them from your address; try again in ${minutes(wait)} min.`,
    wait,
  );
}

function minutes(seconds: number): number {
  return Math.ceil(seconds / 60);
}

function tooMany(message: string, retryAfterSeconds: number): Response {
  return errorResponse('RATE_LIMITED', message, { headers: { 'Retry-After': String(retryAfterSeconds) } });
}
