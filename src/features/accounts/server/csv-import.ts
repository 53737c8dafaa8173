/**
 * `npm run user -- import people.csv`: a new intake of hires from a spreadsheet. The header row
 * names the columns (email and name required; role, job roles, team, owner handles optional;
 * any order, any case). Every bad row is reported with its line number and what to fix; the
 * good rows are imported, or none with `allOrNothing`. Rows are checked before anything is
 * written, and each person is one transaction, so an import stopped halfway can be run again:
 * the people already added are reported as existing and skipped.
 */
import { parse } from 'csv-parse/sync';
import type { Actor, PreparedUser, UserDeps } from './users.ts';
import { duplicateEmailAsConflict, insertUser, prepareUser } from './users.ts';
import { type NewUser, newUserSchema, splitList } from './user-input.ts';

export interface RowProblem {
  line: number;
  message: string;
}

export interface ImportPlan {
  rows: { line: number; input: NewUser }[];
  problems: RowProblem[];
}

const COLUMNS: Record<string, keyof NewUser> = {
  email: 'email',
  emailaddress: 'email',
  name: 'name',
  fullname: 'name',
  role: 'role',
  permission: 'role',
  permissionrole: 'role',
  jobroles: 'jobRoles',
  jobrole: 'jobRoles',
  roles: 'jobRoles',
  team: 'team',
  ownerhandles: 'ownerHandles',
  owners: 'ownerHandles',
  owner: 'ownerHandles',
};
const LIST_COLUMNS = new Set<keyof NewUser>(['jobRoles', 'ownerHandles']);
const COLUMN_HINT = 'email, name, role, job roles, team, owner handles';

/** Reads and checks every row; nothing is written. `existing` are emails that already have an account. */
export function planImport(text: string, knownJobRoles: readonly string[], existing: ReadonlySet<string>): ImportPlan {
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ line, message: `the file is not valid CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ line: 1, message: `the file is empty; write a header row first: ${COLUMN_HINT}` }] };
  const columns = header.record.map((name) => COLUMNS[name.toLowerCase().replace(/[\s_-]/g, '')]);
  const problems: RowProblem[] = [];
  header.record.forEach((name, index) => {
    if (!columns[index]) problems.push({ line: 1, message: `"${name}" is not a column Knowhow knows; use ${COLUMN_HINT}` });
  });
  for (const required of ['email', 'name'] as const) {
    if (!columns.includes(required))
      problems.push({ line: 1, message: `the header has no ${required} column; the columns are ${COLUMN_HINT}` });
  }
  if (problems.length > 0) return { rows: [], problems };

  const schema = newUserSchema(knownJobRoles);
  const rows: ImportPlan['rows'] = [];
  const firstLine = new Map<string, number>();
  for (const { info, record } of body) {
    const line = info.lines;
    if (record.length > columns.length) {
      problems.push({ line, message: `${record.length} values for ${columns.length} columns; put values with commas in "double quotes"` });
      continue;
    }
    const raw: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const value = record[index] ?? '';
      if (!column || value === '') return;
      raw[column] = LIST_COLUMNS.has(column) ? splitList(value) : value;
    });
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, message: `${String(issue.path[0] ?? 'row')}: ${issue.message}` });
      continue;
    }
    const { email } = parsed.data;
    const earlier = firstLine.get(email);
    if (earlier !== undefined) {
      problems.push({ line, message: `${email} is already on line ${earlier}; keep one row per person` });
      continue;
    }
    firstLine.set(email, line);
    if (existing.has(email)) {
      problems.push({ line, message: `${email} already has an account; change it with npm run user -- set --email ${email}` });
      continue;
    }
    rows.push({ line, input: parsed.data });
  }
  return { rows, problems };
}

export interface ImportOptions {
  /** Write nobody if any row has a problem, and all rows in one transaction. */
  allOrNothing: boolean;
  /** People who sign in through single sign-on only: no password is made. */
  withoutPasswords: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  imported: { line: number; email: string; oneTimePassword?: string | undefined }[];
  problems: RowProblem[];
}

/** How many passwords are hashed at once: libuv's thread pool has four threads by default. */
const HASHING_AT_ONCE = 4;

export async function runImport(deps: UserDeps, actor: Actor, plan: ImportPlan, options: ImportOptions): Promise<ImportResult> {
  if (options.allOrNothing && plan.problems.length > 0) return { imported: [], problems: plan.problems };
  const problems = [...plan.problems];
  const imported: ImportResult['imported'] = [];
  const prepared: { line: number; user: PreparedUser }[] = [];
  for (let start = 0; start < plan.rows.length; start += HASHING_AT_ONCE) {
    const batch = plan.rows.slice(start, start + HASHING_AT_ONCE);
    const users = await Promise.all(batch.map(({ input }) => prepareUser(deps, input, { withoutPassword: options.withoutPasswords })));
    const ready = users.map((user, index) => ({ line: (batch[index] as { line: number }).line, user }));
    // Row by row, each its own transaction: what is imported stays imported if the run stops.
    if (!options.allOrNothing) {
      for (const { line, user } of ready) {
        try {
          await deps.db
            .transaction()
            .execute((trx) => insertUser(trx, deps, actor, user))
            .catch(duplicateEmailAsConflict(user.input.email));
          imported.push({ line, email: user.input.email, oneTimePassword: user.oneTimePassword });
        } catch (error) {
          problems.push({ line, message: error instanceof Error ? error.message : String(error) });
        }
      }
    } else prepared.push(...ready);
    options.onProgress?.(start + batch.length, plan.rows.length);
  }
  if (options.allOrNothing) {
    await deps.db.transaction().execute(async (trx) => {
      for (const { user } of prepared) await insertUser(trx, deps, actor, user).catch(duplicateEmailAsConflict(user.input.email));
    });
    for (const { line, user } of prepared) imported.push({ line, email: user.input.email, oneTimePassword: user.oneTimePassword });
  }
  return { imported, problems: problems.sort((a, b) => a.line - b.line) };
}
