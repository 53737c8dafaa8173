/**
 * Who is asking: the signed-in person behind a request's session cookie, or null.
 *
 * Every signed-in request needs this, so it takes the short way: it checks the cookie's
 * signature itself (HMAC-SHA256 with the auth secret, as better-auth signs it) and reads the
 * session and its person, with their job roles and owner handles, in one query. better-auth's own getSession costs about 1.5 ms of CPU
 * per call on these machines (a request context, Web Crypto, output transforms), which held
 * GET /api/me to a fifth of what a bare Astro route serves. Once a day per session, when the
 * session is due to be extended, better-auth's getSession does the work instead, and the
 * cookie it renews is passed on to the response. Nothing is cached: deactivating a person or
 * signing out ends their sessions at once, on every server.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import type { AppContext } from '../../../server/app.ts';
import type { DbDate } from '../../../kit/server/db/schema.ts';
import { selectUserRecords, toUserRecord, type UserRecord } from './user-records.ts';

/** The signed-in person, with their roles, team and owner handles (users/user-records.ts). */
export type SessionUser = UserRecord;

export interface ResolvedSession {
  user: SessionUser | null;
  /** Cookies to send back: a session renewed on this request. */
  setCookies: string[];
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;
const SIGNATURE_LENGTH = 44;

type SessionDeps = Pick<AppContext, 'auth' | 'db' | 'database' | 'now'>;

export async function resolveSession(app: SessionDeps, headers: Headers): Promise<ResolvedSession> {
  const signed = SESSION_COOKIE.exec(headers.get('cookie') ?? '')?.[1];
  const token = signed ? verifiedToken(signed, app.auth.options.secret) : undefined;
  if (!token) return { user: null, setCookies: [] };
  const row = (await app.db.executeQuery(sessionQuery(app).withToken(token))).rows[0];
  if (!row || row.banned) return { user: null, setCookies: [] };
  const expiresAt = timeOf(row.sessionExpiresAt);
  const now = app.now().getTime();
  if (expiresAt <= now) return { user: null, setCookies: [] };
  const { expiresIn, updateAge } = sessionTimes(app);
  if (expiresAt - expiresIn + updateAge <= now) return renewed(app, headers);
  return { user: toUserRecord(row), setCookies: [] };
}

function buildSessionQuery(app: SessionDeps, token: string) {
  return selectUserRecords(app.db, app.database.kind)
    .innerJoin('session', 'session.userId', 'user.id')
    .select('session.expiresAt as sessionExpiresAt')
    .where('session.token', '=', token);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof buildSessionQuery>['executeTakeFirstOrThrow']>>;

/**
 * The session query, compiled once per database: building and compiling its query tree on
 * every request made more garbage than anything else on the path of GET /api/me.
 */
const compiledSessionQueries = new WeakMap<object, CompiledQuery<SessionRow>>();

function sessionQuery(app: SessionDeps): { withToken(token: string): CompiledQuery<SessionRow> } {
  let compiled = compiledSessionQueries.get(app.db);
  if (!compiled) {
    compiled = buildSessionQuery(app, '').compile();
    // The token must be its only parameter, or the swap below would put it in the wrong place.
    if (compiled.parameters.length !== 1)
      throw new Error(`The session query has ${compiled.parameters.length} parameters; expected only the token.`);
    compiledSessionQueries.set(app.db, compiled);
  }
  const template = compiled;
  return { withToken: (token) => ({ ...template, parameters: [token] }) };
}

/** better-auth's getSession: it extends the session and says which cookie to send. */
async function renewed(app: SessionDeps, headers: Headers): Promise<ResolvedSession> {
  const { headers: answer, response } = await app.auth.api.getSession({ headers, returnHeaders: true });
  const setCookies = answer.getSetCookie();
  if (!response || response.user.banned) return { user: null, setCookies };
  const row = await selectUserRecords(app.db, app.database.kind).where('user.id', '=', response.user.id).executeTakeFirst();
  return { user: row ? toUserRecord(row) : null, setCookies };
}

function verifiedToken(cookieValue: string, secret: string | undefined): string | undefined {
  if (!secret) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(cookieValue);
  } catch {
    return undefined;
  }
  const dot = value.lastIndexOf('.');
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), 'base64');
  if (value.length - dot - 1 !== SIGNATURE_LENGTH || signature.length !== 32) return undefined;
  const expected = createHmac('sha256', secret).update(token).digest();
  return timingSafeEqual(signature, expected) ? token : undefined;
}

function sessionTimes(app: SessionDeps): { expiresIn: number; updateAge: number } {
  const session = app.auth.options.session;
  return { expiresIn: (session?.expiresIn ?? 7 * 86_400) * 1000, updateAge: (session?.updateAge ?? 86_400) * 1000 };
}

function timeOf(value: DbDate): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}
