/**
 * Every CSV file Knowhow writes, over real HTTP and from the command line, on SQLite and
 * PostgreSQL, with a person, a team, a search question and a comment that would be formulas in a
 * spreadsheet: no cell of any download starts with =, +, -, @, a tab or a carriage return, and
 * the hostile text is there, neutralised with a leading apostrophe (src/kit/server/csv.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/server/users.ts';
import { DATABASES } from '../helpers/databases.ts';
import { FIXTURE_DIST, PROJECT_ROOT } from '../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE, signIn } from '../helpers/people.ts';
import { useServedSite } from '../helpers/served-site.ts';
import { TEST_AUTH_SECRET } from '../helpers/server.ts';

const FORMULA_START = /^[=+\-@\t\r]/;
const NAME = '=HYPERLINK("http://evil.example","x")';
const TEAM = "+cmd|' /C calc'!A0";
const EMAIL = '-2+3@fixture.example';
const QUESTION = '=1+1 refund for llamas';
const COMMENT = '@SUM(1+1)*cmd|" /C calc"!A0';

/** The downloads a manager can make, and the hostile text each must carry, neutralised. */
const DOWNLOADS: [string, string[]][] = [
  ['/api/reports/training?format=csv', [NAME, EMAIL, TEAM]],
  ['/api/reports/training/questions?module=basics&format=csv', []],
  ['/api/reports/training/completions', [NAME, EMAIL]],
  ['/api/reports/acknowledgements?format=csv', [NAME, EMAIL, TEAM]],
  ['/api/reports/acknowledgements/records', [NAME, EMAIL]],
  ['/api/reports/search-gaps?format=csv', [QUESTION]],
  ['/api/reports/feedback?format=csv', [COMMENT]],
  ['/api/reviews?format=csv', []],
];

/** Cells that a spreadsheet would run: "file row: cell" for each. */
function formulaCells(name: string, csv: string): string[] {
  const rows = parse(csv, { relax_column_count: true }) as string[][];
  return rows.flatMap((row, index) => row.filter((cell) => FORMULA_START.test(cell)).map((cell) => `${name} row ${index + 1}: ${cell}`));
}

describe.each(DATABASES)('CSV files on $name', (database) => {
  const site = useServedSite(database, FIXTURE_DIST, {
    prepare: (app) =>
      createUser(
        app,
        { user: null },
        { email: EMAIL, name: NAME, role: 'member', jobRoles: ['agent'], team: TEAM, ownerHandles: [], password: PASSWORD },
      ).then(() => undefined),
  });
  const call = (path: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${site.server.url}${path}`, {
      ...init,
      headers: {
        Origin: site.server.url,
        'Content-Type': 'application/json',
        ...(cookie ? { Cookie: cookie } : {}),
        ...(init.headers as Record<string, string>),
      },
    });

  /** What the hostile person does: finishes the module, acknowledges the refunds policy, searches, answers. */
  async function leaveTraces(): Promise<void> {
    const cookie = await signIn(site.server.url, EMAIL);
    for (const lesson of ['welcome', 'first-call'])
      expect((await call(`/api/me/lessons/basics/${lesson}`, cookie, { method: 'POST' })).ok).toBe(true);
    const quiz = (await (await call('/api/quizzes/basics', cookie)).json()) as {
      questions: { id: string; type: string; choices: { id: string; text: string }[] }[];
    };
    const answers = Object.fromEntries(
      quiz.questions.map((question) => [
        question.id,
        [question.choices.find((choice) => /thirty days|^true$/i.test(choice.text))?.id as string],
      ]),
    );
    const attempt = await call('/api/quizzes/basics/attempts', cookie, {
      method: 'POST',
      body: JSON.stringify({ answers, idempotencyKey: `csv-${database.name}` }),
    });
    expect(await attempt.json()).toMatchObject({ passed: true });
    const acknowledged = await call('/api/acknowledgements', cookie, {
      method: 'POST',
      body: JSON.stringify({ page: '/policies/refunds/', version: '1' }),
    });
    expect(acknowledged.status).toBe(201);
    const searched = await call('/api/search/events', cookie, {
      method: 'POST',
      body: JSON.stringify({ query: QUESTION, results: 0, opened: false }),
    });
    expect(searched.status).toBe(202);
    const answered = await call('/api/feedback', cookie, {
      method: 'POST',
      body: JSON.stringify({ page: '/policies/refunds/', helpful: false, comment: COMMENT }),
    });
    expect(answered.status).toBe(201);
  }

  it.skipIf(!database.available)('writes no cell a spreadsheet would run, in any report download', async () => {
    await leaveTraces();
    const manager = await signIn(site.server.url, PEOPLE.manager.email);
    for (const [path, expected] of DOWNLOADS) {
      let csv = '';
      let cells: string[] = [];
      // A search is counted once its answer is on its way: the download may need a moment.
      for (let tries = 0; tries < 50; tries++) {
        const response = await call(path, manager, { headers: { Accept: 'text/csv' } });
        expect(response.headers.get('content-type'), path).toMatch(/^text\/csv/);
        csv = await response.text();
        cells = (parse(csv, { relax_column_count: true }) as string[][]).flat();
        if (expected.every((text) => cells.includes(`'${text}`))) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const text of expected) expect(cells, `${path} has ${text}`).toContain(`'${text}`);
      expect(formulaCells(path, csv)).toEqual([]);
    }
  });

  it.skipIf(!database.available)('writes no such cell in the command line’s CSV of one-time passwords', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowhow-csv-'));
    try {
      const file = join(dir, 'people.csv');
      writeFileSync(file, `email,name,team\n+cmd@fixture.example,"${NAME.replaceAll('"', '""')}",${TEAM}\n`);
      const { stdout } = await promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'cli/user.ts'), 'import', file], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: site.server.databaseUrl,
          NODE_ENV: 'production',
          BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
          BETTER_AUTH_URL: site.server.url,
        },
      });
      const csv = stdout.slice(stdout.indexOf('email,one-time password'), stdout.indexOf('Imported '));
      expect(parse(csv)).toEqual([
        ['email', 'one-time password'],
        ["'+cmd@fixture.example", expect.stringMatching(/^[\w-]{16}$/)],
      ]);
      expect(formulaCells('npm run user -- import', csv)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
