/**
 * A newcomer's first `npm start` with the sample content: demo people, and how to sign in as
 * them. Never in production, never for another content folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../../src/features/accounts/server/demo-people.ts';
import { FIXTURE_DIST, SAMPLE_DIST } from '../../../helpers/fixture-site.ts';
import { signIn } from '../../../helpers/people.ts';
import { type RunningServer, startServer } from '../../../helpers/server.ts';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const DEVELOPMENT = { NODE_ENV: 'development', BETTER_AUTH_SECRET: '', BETTER_AUTH_URL: '' };

describe('demo people', () => {
  it('come with the sample content outside production, and the server says how to sign in as each', async () => {
    server = await startServer(SAMPLE_DIST, DEVELOPMENT);
    for (const person of DEMO_PEOPLE) expect(server.output()).toContain(`${person.email}`);
    expect(server.output()).toContain('password demo-admin-kestrel');
    const cookie = await signIn(server.url, 'aoife.brennan@kestrel.example', 'demo-admin-kestrel');
    const me = (await (await fetch(`${server.url}/api/me`, { headers: { Cookie: cookie } })).json()) as {
      user: { role: string; ownerHandles: string[] };
    };
    expect(me.user.role).toBe('admin');
  });

  it('are never made in production', async () => {
    server = await startServer(SAMPLE_DIST);
    expect(server.output()).not.toContain('demo people');
    const attempt = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ email: 'aoife.brennan@kestrel.example', password: 'demo-admin-kestrel' }),
    });
    expect(attempt.status).toBe(401);
  });

  it('are never made for another content folder', async () => {
    server = await startServer(FIXTURE_DIST, DEVELOPMENT);
    expect(server.output()).not.toContain('demo people');
  });
});
