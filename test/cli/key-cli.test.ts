/**
 * `npm run key`: API keys from the command line, as an operator would make them, against a real
 * database file: what it prints (the key once; JSON for scripts), what it refuses, and a key
 * made here working, and stopping when revoked here, against the served site on that database.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sqlite } from '../helpers/databases.ts';
import { FIXTURE_DIST, PROJECT_ROOT } from '../helpers/fixture-site.ts';
import { TEST_AUTH_SECRET } from '../helpers/server.ts';
import { useServedSite } from '../helpers/served-site.ts';

const run = promisify(execFile);

// Each command starts Node and opens the database: seconds each on a busy machine.
describe('npm run key', { timeout: 180_000 }, () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, { people: false, env: { KNOWHOW_ACCESS: 'signed-in' } });
  const key = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [join(PROJECT_ROOT, 'cli/key.ts'), ...args], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: site.server.databaseUrl,
          NODE_ENV: 'production',
          BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
          BETTER_AUTH_URL: 'https://handbook.example',
        },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const search = (secret: string) =>
    fetch(`${site.server.url}/api/search?q=refund`, { headers: { Authorization: `Bearer ${secret}` } }).then((answer) => answer.status);

  it('makes a key that works at once, prints it once, lists it without it, and revokes it', async () => {
    const made = await key('create', '--name', 'Zendesk sidebar', '--scopes', 'read', '--expires', '2099-12-31', '--json');
    expect(made.code).toBe(0);
    const created = JSON.parse(made.stdout) as { id: string; key: string; scopes: string[]; expiresAt: string };
    expect(created).toMatchObject({ scopes: ['read'], expiresAt: '2099-12-31T23:59:59.999Z' });
    expect(created.key).toMatch(/^khk_/);
    expect(await search(created.key)).toBe(200);

    const listed = await key('list');
    expect(listed.stdout).toContain(created.id);
    expect(listed.stdout).toContain('Zendesk sidebar');
    expect(listed.stdout).not.toContain(created.key);

    const revoked = await key('revoke', created.id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/^Revoked .* revoked$/m);
    expect(await search(created.key)).toBe(401);

    const human = await key('create', '--name', 'HR system', '--scopes', 'reports');
    expect(human.stdout).toMatch(/Copy the key now/);
    expect(human.stdout).toMatch(/\n {2}khk_[\w-]{43}\n/);
  });

  it('says what is wrong, and exits with 1, for a bad scope, a missing name or an unknown key', async () => {
    const badScope = await key('create', '--name', 'Bot', '--scopes', 'read,write');
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toContain('--scopes: choose one or more of read, reports');
    const noName = await key('create', '--scopes', 'read');
    expect(noName.code).toBe(1);
    expect(noName.stderr).toContain('--name is required');
    const past = await key('create', '--name', 'Old', '--scopes', 'read', '--expires', '2020-01-01');
    expect(past.code).toBe(1);
    expect(past.stderr).toContain('--expires: choose a day from today on');
    const unknown = await key('revoke', 'key_nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no API key key_nope');
  });
});
