/**
 * People for server tests: an app context on a test database (the same code the server runs),
 * one person of each kind, and signing in over HTTP as them.
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type AppContext, startApp } from '../../src/server/app.ts';
import { loadEnv } from '../../src/kit/server/env.ts';
import { createUser, deactivateUser, findUserByEmail } from '../../src/features/accounts/server/users.ts';
import type { DatabaseKindUnderTest, TestDatabase } from './databases.ts';
import { PROJECT_ROOT } from './fixture-site.ts';
import { TEST_AUTH_SECRET } from './server.ts';

/** The app context on `databaseUrl`, as the server builds it; `env` adds settings. */
export function testApp(databaseUrl: string, env: Record<string, string> = {}, now?: () => Date): Promise<AppContext> {
  return startApp(loadEnv({ DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: TEST_AUTH_SECRET, ...env }, PROJECT_ROOT), {
    devSecretFile: join(PROJECT_ROOT, 'test/.output/unused-secret'),
    ...(now ? { now } : {}),
  });
}

export const PASSWORD = 'kettle orbit lantern moss';

export const PEOPLE = {
  member: { email: 'mia.member@fixture.example', name: 'Mia Member', role: 'member' },
  manager: { email: 'max.manager@fixture.example', name: 'Max Manager', role: 'manager' },
  admin: { email: 'ada.admin@fixture.example', name: 'Ada Admin', role: 'admin' },
  deactivated: { email: 'dan.deactivated@fixture.example', name: 'Dan Deactivated', role: 'member' },
} as const;

export type Client = keyof typeof PEOPLE | 'anonymous';
export const CLIENTS: Client[] = ['anonymous', 'member', 'manager', 'admin', 'deactivated'];

/** Adds PEOPLE to the database (idempotent), all with PASSWORD. */
export async function seedPeople(app: AppContext): Promise<void> {
  for (const person of Object.values(PEOPLE)) {
    if (await findUserByEmail(app, person.email)) continue;
    await createUser(app, { user: null }, { ...person, jobRoles: ['agent'], team: 'Tier 1', ownerHandles: [], password: PASSWORD });
  }
}

/** Signs in over HTTP and returns the session cookie. */
export async function signIn(baseUrl: string, email: string, password = PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Signing in as ${email} failed: ${response.status} ${await response.text()}`);
  return cookieOf(response);
}

/** The name=value pairs a response sets, as a Cookie header. */
export function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/**
 * Cookies for every client of the authorization matrix. The deactivated person signs in first
 * and is deactivated after, so their cookie is one that worked a moment ago.
 */
export async function signInEveryone(app: AppContext, baseUrl: string): Promise<Record<Client, string>> {
  const cookies = { anonymous: '' } as Record<Client, string>;
  for (const client of ['member', 'manager', 'admin', 'deactivated'] as const)
    cookies[client] = await signIn(baseUrl, PEOPLE[client].email);
  const deactivated = await findUserByEmail(app, PEOPLE.deactivated.email);
  if (deactivated?.status === 'active') await deactivateUser(app, { user: null }, deactivated.id);
  return cookies;
}

/**
 * For a describe block: the app context on a new database of `kind`, made before its tests
 * (with PEOPLE in it when `seed`) and dropped after; nothing when the database is not there.
 */
export function useTestApp(
  kind: DatabaseKindUnderTest,
  { seed = false, now }: { seed?: boolean; now?: () => Date } = {},
): { readonly app: AppContext } {
  let db: TestDatabase | undefined;
  let app: AppContext | undefined;
  beforeAll(async () => {
    if (!kind.available) return;
    db = await kind.create();
    app = await testApp(db.url, {}, now);
    if (seed) await seedPeople(app);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });
  return {
    get app() {
      return app as AppContext;
    },
  };
}
