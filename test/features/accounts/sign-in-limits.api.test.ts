/**
 * Sign-in limits over real HTTP, on SQLite and PostgreSQL, as an attacker would meet them:
 * guessing slows down where it comes from, and never locks the account's owner out. Failures
 * count per account and client address (an IPv6 /64 as one), with a ceiling per account that
 * holds up only addresses that have failed; the counts keep no address or email in clear.
 */
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../src/features/accounts/server/users.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const CORA = 'cora.ceiling@fixture.example';

interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(DATABASES)('sign-in limits on $name', (database) => {
  const site = useServedSite(database, FIXTURE_DIST, {
    prepare: async (app) => {
      await createUser(
        app,
        { user: null },
        { email: CORA, name: 'Cora Ceiling', role: 'member', jobRoles: [], team: null, ownerHandles: [], password: PASSWORD },
      );
    },
    env: {
      // Desks of their own through X-Forwarded-For; the per-address attempt limit out of the way.
      KNOWHOW_TRUSTED_PROXIES: 'loopback',
      KNOWHOW_SIGNIN_RATE_LIMIT: '1000',
      KNOWHOW_SIGNIN_ACCOUNT_LIMIT: '10',
      KNOWHOW_SIGNIN_ACCOUNT_CEILING: '40',
    },
  });
  const attempt = (email: string, password: string, from: string) =>
    fetch(`${site.server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: site.server.url, 'X-Forwarded-For': from },
      body: JSON.stringify({ email, password }),
    });

  it.skipIf(!database.available)('lets the admin in at once from their desk after an attacker failed 20 times', async () => {
    const statuses: number[] = [];
    for (let guess = 0; guess < 20; guess++) statuses.push((await attempt(PEOPLE.admin.email, `guess ${guess}`, '203.0.113.66')).status);
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
    // The attacker's address waits, even with the right password, and is told so.
    const attacker = await attempt(PEOPLE.admin.email, PASSWORD, '203.0.113.66');
    expect(attacker.status).toBe(429);
    expect(Number(attacker.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(((await attacker.json()) as ErrorBody).error.message).toMatch(
      /^Too many failed sign-ins to this account from your address; try again in 1[45] min\. Signing in from elsewhere is not affected\.$/,
    );
    const started = Date.now();
    expect((await attempt(PEOPLE.admin.email, PASSWORD, '198.51.100.10')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.skipIf(!database.available)('counts the addresses of one IPv6 network as one', async () => {
    const statuses: number[] = [];
    for (let guess = 0; guess < 12; guess++)
      statuses.push((await attempt(PEOPLE.member.email, `guess ${guess}`, `2001:db8:66:66::${guess + 1}`)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    expect((await attempt(PEOPLE.member.email, PASSWORD, '2001:db8:66:67::1')).status).toBe(200);
  });

  it.skipIf(!database.available)('clears an address’s failures for the account when it signs in', async () => {
    for (let guess = 0; guess < 9; guess++)
      expect((await attempt(PEOPLE.manager.email, `typo ${guess}`, '198.51.100.20')).status).toBe(401);
    expect((await attempt(PEOPLE.manager.email, PASSWORD, '198.51.100.20')).status).toBe(200);
    for (let guess = 0; guess < 9; guess++)
      expect((await attempt(PEOPLE.manager.email, `typo ${guess}`, '198.51.100.20')).status).toBe(401);
  });

  it.skipIf(!database.available)('holds up, past the ceiling, only the addresses that failed for the account', async () => {
    // Guessing spread over 40 addresses, one guess each: the account's ceiling is reached.
    for (let desk = 1; desk <= 40; desk++) expect((await attempt(CORA, `spread ${desk}`, `192.0.2.${desk}`)).status).toBe(401);
    const failedBefore = await attempt(CORA, PASSWORD, '192.0.2.7');
    expect(failedBefore.status).toBe(429);
    expect(Number(failedBefore.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await failedBefore.json()) as ErrorBody).error.message).toMatch(
      /^This account has had many failed sign-ins lately, one of them from your address; try again in \d+ min\.$/,
    );
    // An address that has not failed for it is not held up, the first time nor after.
    expect((await attempt(CORA, PASSWORD, '192.0.2.200')).status).toBe(200);
    expect((await attempt(CORA, PASSWORD, '192.0.2.200')).status).toBe(200);
  });

  it.skipIf(!database.available)('keeps no client address and no email in clear in its counts', async () => {
    const keys = (await site.app.db.selectFrom('rate_limit_bucket').select('key').execute()).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join('\n')).not.toMatch(/@|203\.0\.113|198\.51\.100|192\.0\.2|2001:db8/);
  });
});
