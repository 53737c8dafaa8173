/**
 * `npm run user`: managing people from the command line, as an operator would, against a real
 * database file: what it prints, what it writes, and its exit codes.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/app.ts';
import { findUserByEmail } from '../../src/features/accounts/server/users.ts';
import { sqlite, type TestDatabase } from '../helpers/databases.ts';
import { PROJECT_ROOT } from '../helpers/fixture-site.ts';
import { testApp } from '../helpers/people.ts';
import { TEST_AUTH_SECRET } from '../helpers/server.ts';

const run = promisify(execFile);

describe('npm run user', () => {
  let db: TestDatabase;
  let dir: string;
  const user = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [join(PROJECT_ROOT, 'cli/user.ts'), ...args], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: db.url,
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
  const withApp = async <T>(work: (app: AppContext) => Promise<T>): Promise<T> => {
    const app = await testApp(db.url);
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  };

  beforeAll(async () => {
    db = await sqlite.create();
    dir = db.url.replace(/^file:/, '').replace(/\/knowhow\.db$/, '');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('adds the first admin, with a one-time password printed once', async () => {
    const added = await user(
      'add',
      '--email',
      'Sam.Okafor@kestrel.example',
      '--name',
      'Sam Okafor',
      '--role',
      'admin',
      '--job-roles',
      'team-lead',
      '--team',
      'Leeds',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Added Sam Okafor <sam.okafor@kestrel.example> · admin · active · job roles: team-lead · team: Leeds');
    const password = /One-time password[^:]*: (\S+)/.exec(added.stdout)?.[1] as string;
    expect(password).toMatch(/^[\w-]{16}$/);
    const person = await withApp((app) => findUserByEmail(app, 'sam.okafor@kestrel.example'));
    expect(person).toMatchObject({ role: 'admin', mustChangePassword: true });
  });

  it('says what is wrong with the input, and writes nothing', async () => {
    const bad = await user('add', '--email', 'not-an-email', '--name', 'X', '--role', 'boss', '--job-roles', 'pilot');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('The person was not added; fix these:');
    expect(bad.stderr).toContain('--email: write an email address, e.g. sam.okafor@kestrel.example');
    expect(bad.stderr).toContain('--role: write one of member, manager, admin');
    expect(bad.stderr).toContain('--job-roles.0: pilot is not a job role in knowhow.yaml');
    const weak = await user('add', '--email', 'x@kestrel.example', '--name', 'X', '--password', 'password123');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/harder to guess/);
    expect(await withApp((app) => findUserByEmail(app, 'x@kestrel.example'))).toBeUndefined();
    const unknown = await user('deactivate', '--email', 'nobody@kestrel.example');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is nobody with the email nobody@kestrel.example');
    expect((await user('frobnicate')).stderr).toContain('frobnicate is not a command');
  });

  it('changes, deactivates, reactivates and resets, and the audit log says the command line did it', async () => {
    expect(
      (await user('add', '--email', 'ana.silva@kestrel.example', '--name', 'Ana Silva', '--password', 'copper meadow satchel')).code,
    ).toBe(0);
    const changed = await user(
      'set',
      '--email',
      'ana.silva@kestrel.example',
      '--role',
      'manager',
      '--owner-handles',
      '@kestrel/billing-ops',
      '--team',
      '',
    );
    expect(changed.stdout).toContain(
      'Changed: Ana Silva <ana.silva@kestrel.example> · manager · active · answers for: @kestrel/billing-ops',
    );
    expect((await user('deactivate', '--email', 'ana.silva@kestrel.example')).stdout).toContain('· deactivated');
    expect((await user('reactivate', '--email', 'ana.silva@kestrel.example')).stdout).toContain('· active');
    const reset = await user('reset-password', '--email', 'ana.silva@kestrel.example');
    expect(reset.stdout).toMatch(/One-time password[^:]*: [\w-]{16}/);
    const { events } = await withApp((app) => app.audit.list({ person: 'ana.silva', limit: 10 }));
    expect(events.map((event) => event.type)).toEqual([
      'password-reset',
      'reactivated',
      'deactivated',
      'user-updated',
      'role-changed',
      'user-created',
    ]);
    expect(events.every((event) => event.detail.via === 'command line' && event.actor.id === null)).toBe(true);
    expect((await user('list')).stdout).toContain('2 people');
  });

  it('refuses a reset password with the person’s own name in it, whatever its accents and punctuation', async () => {
    expect(
      (await user('add', '--email', 'zoe.nq@kestrel.example', '--name', 'Zoë Nowak-Quinn', '--password', 'copper meadow satchel')).code,
    ).toBe(0);
    for (const password of ['copper zoe satchel', 'copper QUINN satchel']) {
      const refused = await user('reset-password', '--email', 'zoe.nq@kestrel.example', '--password', password);
      expect([refused.code, refused.stderr.trim()], password).toEqual([
        1,
        'Choose a password without your name or email in it; try three or four unrelated words, e.g. "kettle orbit lantern moss".',
      ]);
    }
  });

  it('imports a CSV file: the good rows, each bad one with its line, exit 1', async () => {
    const file = join(dir, 'intake.csv');
    writeFileSync(file, 'email,name,job roles\nlena.fischer@kestrel.example,Lena Fischer,agent;new-hire\nbroken,Someone,agent\n');
    const strict = await user('import', file, '--all-or-nothing');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`${file}:3 email: write an email address`);
    expect(strict.stderr).toContain('Nobody was imported (--all-or-nothing)');
    const checked = await user('import', file, '--dry-run');
    expect(checked.stdout).toContain('1 person to add, 1 problems. Nothing was written (--dry-run).');
    const imported = await user('import', file);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toMatch(/email,one-time password\nlena\.fischer@kestrel\.example,[\w-]{16}\n/);
    expect(imported.stdout).toContain('Imported 1 of 2 rows');
    const again = await user('import', file);
    expect(again.stderr).toContain(`${file}:2 lena.fischer@kestrel.example already has an account`);
  });
});
