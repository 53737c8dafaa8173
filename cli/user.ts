// `npm run user -- <command>`: manage people from the command line, against the same database
// as the server (DATABASE_URL, or data/knowhow.db). The first admin is made this way. Every
// change is in the audit log, as "command line". Run `npm run user -- help` for the commands.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveContentDir, loadSettings } from '../src/features/content/index.ts';
import type { AppContext } from '../src/server/app.ts';
import { toCsv } from '../src/kit/server/csv.ts';
import { ApiError, fieldMessages } from '../src/kit/server/errors.ts';
import { runAppCommand, UsageError } from './lib/app-command.ts';
import {
  planImport,
  runImport,
  newUserSchema,
  splitList,
  userChangesSchema,
  type Actor,
  createUser,
  deactivateUser,
  findUserByEmail,
  listUsers,
  reactivateUser,
  resetPassword,
  type UserRecord,
  updateUser,
} from '../src/features/accounts/server.ts';

const HELP = `Manage the people who can sign in to Knowhow.

  npm run user -- add --email E --name N [--role member|manager|admin] [--job-roles agent,team-lead]
                      [--team T] [--owner-handles @acme/billing,...] [--password P]
      Adds a person. Without --password, prints a one-time password they change at first sign-in.
  npm run user -- set --email E [--name N] [--role R] [--job-roles ...] [--team T] [--owner-handles ...]
      Changes what is given; --team "" clears the team.
  npm run user -- deactivate --email E      They cannot sign in; their sessions end at once.
  npm run user -- reactivate --email E
  npm run user -- reset-password --email E [--password P]
  npm run user -- import people.csv [--all-or-nothing] [--without-passwords] [--dry-run]
      Header row: email, name, role, job roles, team, owner handles (lists separated by ; or ,
      in "quotes"). Reports each bad row with its line and imports the rest (none with
      --all-or-nothing). --without-passwords: people who sign in through single sign-on only.
  npm run user -- list [--search S] [--json]

Job roles must be listed under roles: in the content folder's knowhow.yaml.`;

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const CLI: Actor = { user: null, via: 'command line' };

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

function describe(user: UserRecord): string {
  const parts = [`${user.name} <${user.email}>`, user.role, user.status];
  if (user.jobRoles.length > 0) parts.push(`job roles: ${user.jobRoles.join(', ')}`);
  if (user.team) parts.push(`team: ${user.team}`);
  if (user.ownerHandles.length > 0) parts.push(`answers for: ${user.ownerHandles.join(', ')}`);
  return parts.join(' · ');
}

async function existing(app: AppContext, email: string): Promise<UserRecord> {
  const user = await findUserByEmail(app, email);
  if (!user) throw new UsageError(`there is nobody with the email ${email}; add them with npm run user -- add`);
  return user;
}

async function run(app: AppContext, command: string, args: string[], knownJobRoles: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'job-roles': { type: 'string' },
      team: { type: 'string' },
      'owner-handles': { type: 'string' },
      password: { type: 'string' },
      search: { type: 'string' },
      json: { type: 'boolean', default: false },
      'all-or-nothing': { type: 'boolean', default: false },
      'without-passwords': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const lists = {
    ...(values['job-roles'] !== undefined ? { jobRoles: splitList(values['job-roles']) } : {}),
    ...(values['owner-handles'] !== undefined ? { ownerHandles: splitList(values['owner-handles']) } : {}),
  };
  switch (command) {
    case 'add': {
      const input = newUserSchema(knownJobRoles).safeParse({
        email: need(values.email, '--email'),
        name: need(values.name, '--name'),
        ...(values.role !== undefined ? { role: values.role } : {}),
        ...(values.team !== undefined ? { team: values.team } : {}),
        ...(values.password !== undefined ? { password: values.password } : {}),
        ...lists,
      });
      if (!input.success)
        throw new ApiError('INVALID_INPUT', 'The person was not added; fix these:', { fields: fieldMessages(input.error.issues) });
      const { user, oneTimePassword } = await createUser(app, CLI, input.data);
      console.log(`Added ${describe(user)}`);
      if (oneTimePassword) console.log(`One-time password (shown once; they choose their own at first sign-in): ${oneTimePassword}`);
      return 0;
    }
    case 'set': {
      const user = await existing(app, need(values.email, '--email'));
      const changes = userChangesSchema(knownJobRoles).safeParse({
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.role !== undefined ? { role: values.role } : {}),
        ...(values.team !== undefined ? { team: values.team } : {}),
        ...lists,
      });
      if (!changes.success)
        throw new ApiError('INVALID_INPUT', 'Nothing was changed; fix these:', { fields: fieldMessages(changes.error.issues) });
      if (Object.keys(changes.data).length === 0)
        throw new UsageError('say what to change: --name, --role, --job-roles, --team or --owner-handles');
      console.log(`Changed: ${describe(await updateUser(app, CLI, user.id, changes.data))}`);
      return 0;
    }
    case 'deactivate':
      console.log(`Deactivated: ${describe(await deactivateUser(app, CLI, (await existing(app, need(values.email, '--email'))).id))}`);
      return 0;
    case 'reactivate':
      console.log(`Reactivated: ${describe(await reactivateUser(app, CLI, (await existing(app, need(values.email, '--email'))).id))}`);
      return 0;
    case 'reset-password': {
      const user = await existing(app, need(values.email, '--email'));
      const { oneTimePassword } = await resetPassword(app, CLI, user.id, values.password);
      console.log(`Password reset for ${user.email}; their sessions have ended.`);
      if (oneTimePassword) console.log(`One-time password (shown once; they choose their own at next sign-in): ${oneTimePassword}`);
      return 0;
    }
    case 'import':
      return importFile(app, need(positionals[0], 'the CSV file (npm run user -- import people.csv)'), values, knownJobRoles);
    case 'list': {
      const { users, total } = await listUsers(app, { search: values.search, limit: 10_000, offset: 0 });
      if (values.json) console.log(JSON.stringify(users, null, 2));
      else for (const user of users) console.log(describe(user));
      if (!values.json) console.log(`${total} ${total === 1 ? 'person' : 'people'}`);
      return 0;
    }
    default:
      throw new UsageError(`${command} is not a command`);
  }
}

async function importFile(
  app: AppContext,
  file: string,
  values: { 'all-or-nothing'?: boolean; 'without-passwords'?: boolean; 'dry-run'?: boolean },
  knownJobRoles: string[],
): Promise<number> {
  const path = resolve(process.cwd(), file);
  const text = readFileSync(path, 'utf8');
  const emails = await app.db.selectFrom('user').select('email').execute();
  const plan = planImport(text, knownJobRoles, new Set(emails.map((row) => row.email)));
  for (const problem of plan.problems) console.error(`${file}:${problem.line} ${problem.message}`);
  const allOrNothing = values['all-or-nothing'] ?? false;
  if (values['dry-run']) {
    console.log(
      `Checked ${file}: ${plan.rows.length} ${plan.rows.length === 1 ? 'person' : 'people'} to add, ${plan.problems.length} problems. Nothing was written (--dry-run).`,
    );
    return plan.problems.length > 0 ? 1 : 0;
  }
  if (allOrNothing && plan.problems.length > 0) {
    console.error(`Nobody was imported (--all-or-nothing): fix the ${plan.problems.length} problems above and run it again.`);
    return 1;
  }
  const result = await runImport(app, CLI, plan, {
    allOrNothing,
    withoutPasswords: values['without-passwords'] ?? false,
    onProgress: (done, total) => {
      if (total >= 50 && (done % 50 === 0 || done === total)) process.stderr.write(`\r${done} of ${total} people prepared`);
    },
  });
  if (plan.rows.length >= 50) process.stderr.write('\n');
  for (const problem of result.problems.filter((problem) => !plan.problems.includes(problem)))
    console.error(`${file}:${problem.line} ${problem.message}`);
  const withPasswords = result.imported.filter((person) => person.oneTimePassword);
  // CSV, to keep in a spreadsheet until each person has signed in: written safe to open (csv.ts).
  if (withPasswords.length > 0)
    process.stdout.write(
      toCsv(
        ['email', 'one-time password'],
        withPasswords.map((person) => [person.email, person.oneTimePassword]),
      ),
    );
  console.log(
    `Imported ${result.imported.length} of ${plan.rows.length + plan.problems.length} rows from ${file}; ${result.problems.length} with problems.`,
  );
  return result.problems.length > 0 ? 1 : 0;
}

await runAppCommand({
  help: HELP,
  projectRoot,
  flagOf: (field) => `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
  run: (app, command, args) => run(app, command, args, loadSettings(resolveContentDir(projectRoot)).settings.roles),
});
