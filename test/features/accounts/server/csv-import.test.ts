/**
 * Importing people from a CSV file: every bad row reported with its line and the fix, the good
 * ones imported (or none, all or nothing), and a run stopped halfway safe to run again.
 */
import { describe, expect, it } from 'vitest';
import { planImport, runImport } from '../../../../src/features/accounts/server/csv-import.ts';
import { listUsers } from '../../../../src/features/accounts/server/users.ts';
import { DATABASES } from '../../../helpers/databases.ts';
import { useTestApp } from '../../../helpers/people.ts';

const ROLES = ['agent', 'team-lead', 'new-hire'];
const CLI = { user: null, via: 'command line' };

const INTAKE = [
  'Email,Name,Role,Job roles,Team',
  'tomasz.nowak@kestrel.example,Tomasz Nowak,member,agent;new-hire,Tier 1',
  'bad-email,Someone,member,agent,Tier 1',
  'anna.berg@kestrel.example,Anna Berg,boss,agent,Tier 1',
  'lena.fischer@kestrel.example,Lena Fischer,member,agent,Tier 1',
  'TOMASZ.NOWAK@kestrel.example,Tomasz Again,member,agent,Tier 1',
  '"kofi.asante@kestrel.example","Asante, Kofi",manager,"team-lead;agent",Tier 2',
  'jo.lee@kestrel.example,Jo Lee,member,agentx,Tier 1',
  'ivy.ng@kestrel.example,Ivy Ng,,,',
  'mo.diaz@kestrel.example,Mo Diaz,member,agent,Tier 1,extra',
].join('\n');

describe('planImport', () => {
  it('reports every bad row with its line and what to write, and keeps the good ones', () => {
    const plan = planImport(INTAKE, ROLES, new Set(['lena.fischer@kestrel.example']));
    expect(plan.problems.map((problem) => `${problem.line} ${problem.message}`)).toMatchInlineSnapshot(`
      [
        "3 email: write an email address, e.g. sam.okafor@kestrel.example",
        "4 role: write one of member, manager, admin",
        "5 lena.fischer@kestrel.example already has an account; change it with npm run user -- set --email lena.fischer@kestrel.example",
        "6 tomasz.nowak@kestrel.example is already on line 2; keep one row per person",
        "8 jobRoles: agentx is not a job role in knowhow.yaml; use one of agent, team-lead, new-hire",
        "10 6 values for 5 columns; put values with commas in "double quotes"",
      ]
    `);
    expect(plan.rows.map((row) => [row.line, row.input.email, row.input.role, row.input.jobRoles, row.input.team])).toEqual([
      [2, 'tomasz.nowak@kestrel.example', 'member', ['agent', 'new-hire'], 'Tier 1'],
      [7, 'kofi.asante@kestrel.example', 'manager', ['team-lead', 'agent'], 'Tier 2'],
      [9, 'ivy.ng@kestrel.example', 'member', [], null],
    ]);
  });

  it('explains a header it cannot use, and a file that is not CSV', () => {
    expect(planImport('mail;full name\nx@y.example;X', ROLES, new Set()).problems).toEqual([
      { line: 1, message: '"mail;full name" is not a column Knowhow knows; use email, name, role, job roles, team, owner handles' },
      { line: 1, message: 'the header has no email column; the columns are email, name, role, job roles, team, owner handles' },
      { line: 1, message: 'the header has no name column; the columns are email, name, role, job roles, team, owner handles' },
    ]);
    expect(planImport('', ROLES, new Set()).problems[0]?.message).toMatch(/the file is empty/);
    const broken = planImport('email,name\n"unclosed@kestrel.example,Someone\n', ROLES, new Set());
    expect(broken.problems[0]?.message).toMatch(/^the file is not valid CSV: /);
    expect(broken.rows).toEqual([]);
  });

  it('reads a spreadsheet export with a byte-order mark, any column order and blank lines', () => {
    const plan = planImport('\uFEFFteam,NAME,E-mail,Job_Roles\n\nTier 1,Ivy Ng,ivy.ng@kestrel.example,agent\n', ROLES, new Set());
    expect(plan.problems).toEqual([]);
    expect(plan.rows[0]).toMatchObject({
      line: 3,
      input: { email: 'ivy.ng@kestrel.example', name: 'Ivy Ng', team: 'Tier 1', jobRoles: ['agent'] },
    });
    expect(planImport('email,name,phone\n', ROLES, new Set()).problems[0]?.message).toMatch(/^"phone" is not a column Knowhow knows/);
  });

  it('checks a large intake row by row', () => {
    const rows = Array.from(
      { length: 5000 },
      (_, index) => `person.${index}@kestrel.example,Person ${index},member,agent,Tier ${index % 7}`,
    );
    rows[4321] = 'broken,Person,member,agent,Tier 1';
    const plan = planImport(['email,name,role,job roles,team', ...rows].join('\n'), ROLES, new Set());
    expect(plan.rows).toHaveLength(4999);
    expect(plan.problems).toEqual([{ line: 4323, message: 'email: write an email address, e.g. sam.okafor@kestrel.example' }]);
  });
});

describe.each(DATABASES)('runImport on $name', (database) => {
  const context = useTestApp(database);

  it.skipIf(!database.available)('imports nobody with all-or-nothing when a row is bad', async () => {
    const plan = planImport(INTAKE, ROLES, new Set());
    const result = await runImport(context.app, CLI, plan, { allOrNothing: true, withoutPasswords: false });
    expect(result.imported).toEqual([]);
    expect((await listUsers(context.app, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it.skipIf(!database.available)('imports the good rows with one-time passwords, and reports the rest', async () => {
    const plan = planImport(INTAKE, ROLES, new Set());
    const result = await runImport(context.app, CLI, plan, { allOrNothing: false, withoutPasswords: false });
    expect(result.imported.map((person) => person.email)).toEqual([
      'tomasz.nowak@kestrel.example',
      'lena.fischer@kestrel.example',
      'kofi.asante@kestrel.example',
      'ivy.ng@kestrel.example',
    ]);
    expect(result.imported.every((person) => /^[\w-]{16}$/.test(person.oneTimePassword ?? ''))).toBe(true);
    expect(result.problems.map((problem) => problem.line)).toEqual([3, 4, 6, 8, 10]);
    const { users } = await listUsers(context.app, { limit: 10, offset: 0 });
    expect(users.find((user) => user.email === 'kofi.asante@kestrel.example')).toMatchObject({
      name: 'Asante, Kofi',
      role: 'manager',
      mustChangePassword: true,
    });
    const { events } = await context.app.audit.list({ type: 'user-created', limit: 10 });
    expect(events).toHaveLength(4);
  });

  it.skipIf(!database.available)('runs again after an interruption: those already in are skipped, the rest imported', async () => {
    const text = ['email,name', ...Array.from({ length: 12 }, (_, index) => `hire.${index}@kestrel.example,Hire ${index}`)].join('\n');
    const firstHalf = planImport(text, ROLES, new Set());
    await runImport(context.app, CLI, { rows: firstHalf.rows.slice(0, 5), problems: [] }, { allOrNothing: false, withoutPasswords: true });
    const existing = new Set((await context.app.db.selectFrom('user').select('email').execute()).map((row) => row.email));
    const again = planImport(text, ROLES, existing);
    expect(again.problems.filter((problem) => /already has an account/.test(problem.message))).toHaveLength(5);
    const result = await runImport(context.app, CLI, again, { allOrNothing: false, withoutPasswords: true });
    expect(result.imported).toHaveLength(7);
    expect(result.imported.every((person) => person.oneTimePassword === undefined)).toBe(true);
    expect((await listUsers(context.app, { search: 'hire.', limit: 50, offset: 0 })).total).toBe(12);
  });
});
