/**
 * A learner's own training: their modules with progress, and marking a lesson done. A module
 * is recorded complete, against its current version, the moment its last lesson is done and
 * its quiz passed; that record stays when the lessons or the quiz change later.
 */
import { generateId } from 'better-auth';
import type { Kysely, Transaction } from 'kysely';
import { byUrgency, isComplete, type ModuleProgress, moduleProgress } from '../progress.ts';
import type { TrainingModule } from '../modules.ts';
import type { AppContext } from '../../../server/app.ts';
import type { DatabaseKind } from '../../../kit/server/db/connect.ts';
import type { Database } from '../../../kit/server/db/schema.ts';
import { dbBoolean } from '../../../kit/server/db/values.ts';
import { ApiError } from '../../../kit/server/errors.ts';
import type { UserRecord } from '../../accounts/server.ts';
import type { TrainingCatalog } from './catalog.ts';
import { assignmentsOf, readTrainingRecords } from './records.ts';

export type TrainingDeps = Pick<AppContext, 'db' | 'database' | 'now'> & { catalog: TrainingCatalog };

/** Every module with the person's progress: overdue first, then by due date, unassigned and passed ones last. */
export async function learnerProgress({ db, now, catalog }: TrainingDeps, person: UserRecord): Promise<ModuleProgress[]> {
  const records = await readTrainingRecords(db, [person.id]);
  return catalog.modules
    .map((module) =>
      moduleProgress({
        module,
        ...records.facts(person.id, module.id),
        assignments: assignmentsOf(person, module, records),
        now: now(),
        timeZone: catalog.timeZone,
      }),
    )
    .sort(byUrgency);
}

export function findModule(catalog: TrainingCatalog, moduleId: string): TrainingModule {
  const module = catalog.module(moduleId);
  if (!module) throw new ApiError('NOT_FOUND', `There is no training module ${moduleId}; GET /api/me/training lists them.`);
  return module;
}

/** Marks a lesson done; doing it again changes nothing. Answers the module's progress. */
export async function markLessonDone(deps: TrainingDeps, person: UserRecord, moduleId: string, lessonId: string): Promise<ModuleProgress> {
  const module = findModule(deps.catalog, moduleId);
  const lesson = module.lessons.find((candidate) => candidate.id === lessonId);
  if (!lesson)
    throw new ApiError(
      'NOT_FOUND',
      `${moduleId} has no lesson ${lessonId}; its lessons are ${module.lessons.map((entry) => entry.id).join(', ')}.`,
    );
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('lesson_completion')
      .values({ user_id: person.id, module: module.id, lesson: lesson.id, lesson_version: lesson.version, completed_at: at })
      .onConflict((conflict) => conflict.columns(['user_id', 'module', 'lesson']).doNothing())
      .execute();
    await recordCompletionIfComplete(trx, deps.database.kind, person.id, module, at);
  });
  return moduleProgressOf(deps, person, module);
}

export async function moduleProgressOf(deps: TrainingDeps, person: UserRecord, module: TrainingModule): Promise<ModuleProgress> {
  const records = await readTrainingRecords(deps.db, [person.id]);
  return moduleProgress({
    module,
    ...records.facts(person.id, module.id),
    assignments: assignmentsOf(person, module, records),
    now: deps.now(),
    timeZone: deps.catalog.timeZone,
  });
}

/**
 * Records the module complete, in the transaction of the lesson or attempt that completed it,
 * unless it was already since the last retake request.
 */
export async function recordCompletionIfComplete(
  trx: Transaction<Database> | Kysely<Database>,
  kind: DatabaseKind,
  userId: string,
  module: TrainingModule,
  at: string,
  attempt?: { id: string; score: number },
): Promise<void> {
  const retake = await trx
    .selectFrom('retake_request')
    .select('requested_at')
    .where('user_id', '=', userId)
    .where('module', '=', module.id)
    .orderBy('requested_at', 'desc')
    .executeTakeFirst();
  const since = retake?.requested_at ?? '';
  const already = await trx
    .selectFrom('module_completion')
    .select('id')
    .where('user_id', '=', userId)
    .where('module', '=', module.id)
    .where('completed_at', '>=', since)
    .executeTakeFirst();
  if (already) return;
  const lessons = await trx
    .selectFrom('lesson_completion')
    .select('lesson')
    .where('user_id', '=', userId)
    .where('module', '=', module.id)
    .where('completed_at', '>=', since)
    .execute();
  const passedAttempt = module.quiz
    ? (attempt ??
      (await trx
        .selectFrom('quiz_attempt')
        .select(['id', 'score'])
        .where('user_id', '=', userId)
        .where('module', '=', module.id)
        .where('started_at', '>=', since)
        .where('finished_at', 'is not', null)
        .where('passed', '=', dbBoolean(kind, true))
        .orderBy('finished_at', 'desc')
        .executeTakeFirst()
        .then((row) => (row ? { id: row.id, score: Number(row.score) } : undefined))))
    : undefined;
  if (!isComplete(module, new Set(lessons.map((row) => row.lesson)), passedAttempt !== undefined)) return;
  await trx
    .insertInto('module_completion')
    .values({
      id: generateId(),
      user_id: userId,
      module: module.id,
      module_version: module.version,
      quiz_version: module.quiz?.version ?? null,
      attempt_id: passedAttempt?.id ?? null,
      score: passedAttempt?.score ?? null,
      completed_at: at,
    })
    .execute();
}
