/**
 * Two servers behind one database, started at the same moment (their migrations take turns):
 * a session made on one works on the other, a sign-out on one ends it on both, sign-in limits
 * count the attempts made on both, and a reader's page-feedback vote counts once on both.
 */
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../helpers/databases.ts';
import { FIXTURE_DIST } from '../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE, signIn } from '../helpers/people.ts';
import { useServedSite } from '../helpers/served-site.ts';
import type { RunningServer } from '../helpers/server.ts';

describe.each(DATABASES)('two servers on one $name database', (database) => {
  // Both servers start at once on the fresh database, before anything else touches it.
  const site = useServedSite(database, FIXTURE_DIST, {
    servers: 2,
    env: {
      KNOWHOW_SIGNIN_ACCOUNT_LIMIT: '4',
      KNOWHOW_SIGNIN_RATE_LIMIT: '1000',
      // Requests without X-Forwarded-For come from the socket's address, 127.0.0.1.
      KNOWHOW_TRUSTED_PROXIES: 'loopback',
    },
  });

  const me = (server: RunningServer, cookie: string) => fetch(`${server.url}/api/me`, { headers: { Cookie: cookie } });

  it.skipIf(!database.available)('share sessions: signed in on one, known on the other; signed out on one, gone on both', async () => {
    const [first, second] = site.servers as [RunningServer, RunningServer];
    const cookie = await signIn(first.url, PEOPLE.member.email);
    expect(((await (await me(second, cookie)).json()) as { user: { email: string } | null }).user).not.toBeNull();
    const signOut = await fetch(`${second.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: second.url, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    expect(((await (await me(first, cookie)).json()) as { user: unknown }).user).toBeNull();
  });

  it.skipIf(!database.available)('count one page-feedback vote per address, whichever server takes it', async () => {
    const vote = (server: RunningServer, helpful: boolean) =>
      fetch(`${server.url}/api/feedback`, {
        method: 'POST',
        headers: { Origin: server.url, 'Content-Type': 'application/json' },
        body: JSON.stringify({ page: '/guides/tone-of-voice/', helpful }),
      });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => vote(site.servers[i % 2] as RunningServer, false)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(201));
    expect(new Set(await Promise.all(answers.map(async (answer) => ((await answer.json()) as { id: string }).id))).size).toBe(1);
    const rows = await site.app.db
      .selectFrom('page_feedback')
      .select(['helpful', 'reader'])
      .where('page_url', '=', '/guides/tone-of-voice/')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.reader).not.toMatch(/127\.0\.0\.1|::1/);
  });

  it.skipIf(!database.available)('share sign-in limits: failures on both count together', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const server = site.servers[attempt % 2] as RunningServer;
      const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { Origin: server.url, 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: PEOPLE.manager.email, password: attempt < 5 ? `wrong ${attempt}` : PASSWORD }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // Counted per address: from another desk the manager signs in at once, on either server.
    for (const server of site.servers) {
      const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { Origin: server.url, 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.44' },
        body: JSON.stringify({ email: PEOPLE.manager.email, password: PASSWORD }),
      });
      expect(response.status).toBe(200);
    }
  });
});
