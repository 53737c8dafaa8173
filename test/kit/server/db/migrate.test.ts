/**
 * Migrations at start: several servers starting at once against one fresh database take turns
 * (PostgreSQL through an advisory lock, SQLite through a lock file) and end with one schema.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../../src/server/app.ts';
import { knowhowMigrations } from '../../../../src/kit/server/db/migrations.ts';
import { postgres, sqlite, type TestDatabase } from '../../../helpers/databases.ts';
import { PROJECT_ROOT } from '../../../helpers/fixture-site.ts';
import { testApp } from '../../../helpers/people.ts';

const run = promisify(execFile);
const created: TestDatabase[] = [];
afterAll(async () => {
  for (const db of created) await db.drop();
});

const TABLES = [
  'account',
  'audit_event',
  'knowhow_migration',
  'rate_limit_bucket',
  'session',
  'user',
  'user_job_role',
  'user_owner_handle',
  'verification',
];

async function tablesOf(app: AppContext): Promise<string[]> {
  const tables = await app.db.introspection.getTables();
  return tables
    .map((table) => table.name)
    .filter((name) => TABLES.includes(name))
    .sort();
}

describe('migrations', () => {
  it.skipIf(!postgres.available)('let four servers start at once on one fresh PostgreSQL database', async () => {
    const db = await postgres.create();
    created.push(db);
    const apps = await Promise.all([1, 2, 3, 4].map(() => testApp(db.url)));
    expect(await tablesOf(apps[0] as AppContext)).toEqual(TABLES);
    const applied = await (apps[0] as AppContext).db
      .selectFrom('knowhow_migration' as never)
      .selectAll()
      .execute();
    expect(applied).toHaveLength(Object.keys(knowhowMigrations('postgres')).length);
    await Promise.all(apps.map((app) => app.close()));
  });

  it('let three processes start at once on one fresh SQLite file', async () => {
    const db = await sqlite.create();
    created.push(db);
    const env = { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'development' };
    const results = await Promise.all(
      [1, 2, 3].map(() => run(process.execPath, [join(PROJECT_ROOT, 'cli/user.ts'), 'list'], { env, cwd: PROJECT_ROOT })),
    );
    for (const result of results) expect(result.stdout).toContain('0 people');
    const app = await testApp(db.url);
    expect(await tablesOf(app)).toEqual(TABLES);
    await app.close();
  });
});
