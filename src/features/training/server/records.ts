/**
 * What the database recorded about people's training, read in a few queries for one person or
 * for everyone, and put together per person and module: lessons done, finished attempts and
 * the completion since the last retake request, and the assignments. features/training/progress.ts
 * turns these facts into a status.
 */
import type { Kysely } from 'kysely';
import type { TrainingModule } from '../modules.ts';
import type { Assignment, AttemptFact, CompletionFact } from '../progress.ts';
import type { Database } from '../../../kit/server/db/schema.ts';
import type { UserRecord } from '../../accounts/server.ts';

export interface ModuleFacts {
  lessonsDone: Set<string>;
  attempts: AttemptFact[];
  completion?: CompletionFact;
  /** The latest retake request: what happened before it no longer counts. */
  retake?: { requestedAt: string; dueOn: string | null };
}

export interface ExplicitAssignment {
  id: string;
  module: string;
  userId: string | null;
  team: string | null;
  dueOn: string | null;
  assignedAt: string;
}

export interface TrainingRecords {
  facts(userId: string, module: string): ModuleFacts;
  assignments: ExplicitAssignment[];
}

/** The records of `userIds`, or of everyone. */
export async function readTrainingRecords(db: Kysely<Database>, userIds: readonly string[] | 'everyone'): Promise<TrainingRecords> {
  const forUsers = <Query extends { where: (...args: never[]) => Query }>(query: Query, column: string): Query =>
    userIds === 'everyone' ? query : (query.where as (...args: unknown[]) => Query)(column, 'in', userIds.length > 0 ? userIds : ['']);
  const [retakes, lessons, attempts, completions, assignments] = await Promise.all([
    forUsers(
      db.selectFrom('retake_request').select(['user_id', 'module', 'requested_at', 'due_on']).orderBy('requested_at'),
      'user_id',
    ).execute(),
    forUsers(db.selectFrom('lesson_completion').select(['user_id', 'module', 'lesson', 'completed_at']), 'user_id').execute(),
    forUsers(
      db
        .selectFrom('quiz_attempt')
        .select(['id', 'user_id', 'module', 'score', 'passed', 'lang', 'started_at', 'finished_at'])
        .where('finished_at', 'is not', null)
        .orderBy('finished_at'),
      'user_id',
    ).execute(),
    forUsers(
      db.selectFrom('module_completion').select(['user_id', 'module', 'module_version', 'completed_at', 'score']).orderBy('completed_at'),
      'user_id',
    ).execute(),
    db.selectFrom('training_assignment').selectAll().orderBy('assigned_at').execute(),
  ]);

  const byKey = new Map<string, ModuleFacts>();
  const key = (userId: string, module: string) => `${userId}\n${module}`;
  const factsOf = (userId: string, module: string) => {
    let facts = byKey.get(key(userId, module));
    if (!facts) {
      facts = { lessonsDone: new Set(), attempts: [] };
      byKey.set(key(userId, module), facts);
    }
    return facts;
  };
  // Retakes first: they decide which of the rest still count.
  for (const row of retakes) factsOf(row.user_id, row.module).retake = { requestedAt: row.requested_at, dueOn: row.due_on };
  const counts = (userId: string, module: string, at: string) => {
    const since = byKey.get(key(userId, module))?.retake?.requestedAt;
    return since === undefined || at >= since;
  };
  for (const row of lessons)
    if (counts(row.user_id, row.module, row.completed_at)) factsOf(row.user_id, row.module).lessonsDone.add(row.lesson);
  for (const row of attempts) {
    if (!counts(row.user_id, row.module, row.started_at)) continue;
    factsOf(row.user_id, row.module).attempts.push({
      id: row.id,
      passed: Boolean(row.passed),
      score: Number(row.score ?? 0),
      finishedAt: row.finished_at as string,
      lang: row.lang,
    });
  }
  for (const row of completions) {
    if (counts(row.user_id, row.module, row.completed_at)) {
      factsOf(row.user_id, row.module).completion = { moduleVersion: row.module_version, completedAt: row.completed_at, score: row.score };
    }
  }
  return {
    facts: (userId, module) => byKey.get(key(userId, module)) ?? { lessonsDone: new Set(), attempts: [] },
    assignments: assignments.map((row) => ({
      id: row.id,
      module: row.module,
      userId: row.user_id,
      team: row.team,
      dueOn: row.due_on,
      assignedAt: row.assigned_at,
    })),
  };
}

/** Why `person` has `module`: their job roles, a manager's assignment to them or their team, a retake. */
export function assignmentsOf(person: UserRecord, module: TrainingModule, records: TrainingRecords): Assignment[] {
  const assignments: Assignment[] = [];
  for (const jobRole of module.assignTo) {
    const since = person.jobRolesSince[jobRole];
    if (since) assignments.push({ reason: { kind: 'job-role', jobRole }, since });
  }
  for (const assignment of records.assignments) {
    if (assignment.module !== module.id) continue;
    const reason =
      assignment.userId === person.id
        ? { kind: 'person' as const }
        : assignment.team !== null && assignment.team === person.team
          ? { kind: 'team' as const, team: assignment.team }
          : undefined;
    if (reason) assignments.push({ reason, since: assignment.assignedAt, dueOn: assignment.dueOn, assignmentId: assignment.id });
  }
  const retake = records.facts(person.id, module.id).retake;
  if (!retake) return assignments;
  // After a retake request, the time to finish counts from the request, or to the date it set.
  return [
    ...assignments.map((assignment) => ({
      ...assignment,
      since: laterOf(assignment.since, retake.requestedAt),
      dueOn: retake.dueOn ?? assignment.dueOn,
    })),
    { reason: { kind: 'retake' }, since: retake.requestedAt, dueOn: retake.dueOn },
  ];
}

/** The later of two ISO timestamps (they sort as text). */
function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
