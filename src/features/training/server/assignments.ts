/** What managers assign: a module to a person or a team, with a due date; and retakes. */
import { generateId } from 'better-auth';
import { ApiError } from '../../../kit/server/errors.ts';
import type { Actor } from '../../accounts/server.ts';
import { findModule, type TrainingDeps } from './learner.ts';
import type { ExplicitAssignment } from './records.ts';

export interface NewAssignment {
  module: string;
  /** A person's id, or... */
  userId?: string | undefined;
  /** ...a team's name. */
  team?: string | undefined;
  /** YYYY-MM-DD; without it, the module's dueWithinDays from today. */
  dueOn?: string | undefined;
}

export async function assignModule(deps: TrainingDeps, actor: Actor, input: NewAssignment): Promise<ExplicitAssignment> {
  const module = findModule(deps.catalog, input.module);
  if ((input.userId === undefined) === (input.team === undefined)) {
    throw new ApiError('INVALID_INPUT', 'Assign to a person or to a team.', { fields: { userId: 'give userId or team, not both' } });
  }
  if (input.userId) {
    const person = await deps.db.selectFrom('user').select('id').where('id', '=', input.userId).executeTakeFirst();
    if (!person)
      throw new ApiError('INVALID_INPUT', 'There is nobody with that id.', { fields: { userId: 'there is nobody with that id' } });
  }
  if (input.team) {
    // A misspelt team would assign the module to nobody, silently.
    const member = await deps.db.selectFrom('user').select('id').where('team', '=', input.team).executeTakeFirst();
    if (!member)
      throw new ApiError('INVALID_INPUT', `Nobody is in the team ${input.team}.`, {
        fields: { team: 'name a team people are in, as on their accounts' },
      });
  }
  const assignment: ExplicitAssignment = {
    id: generateId(),
    module: module.id,
    userId: input.userId ?? null,
    team: input.team ?? null,
    dueOn: input.dueOn ?? null,
    assignedAt: deps.now().toISOString(),
  };
  await deps.db
    .insertInto('training_assignment')
    .values({
      id: assignment.id,
      module: assignment.module,
      user_id: assignment.userId,
      team: assignment.team,
      due_on: assignment.dueOn,
      assigned_by: actor.user?.id ?? null,
      assigned_at: assignment.assignedAt,
    })
    .execute();
  return assignment;
}

export async function listAssignments(
  { db }: Pick<TrainingDeps, 'db'>,
  moduleId?: string,
): Promise<(ExplicitAssignment & { person: { name: string; email: string } | null })[]> {
  let query = db
    .selectFrom('training_assignment')
    .leftJoin('user', 'user.id', 'training_assignment.user_id')
    .select([
      'training_assignment.id',
      'training_assignment.module',
      'training_assignment.user_id',
      'training_assignment.team',
      'training_assignment.due_on',
      'training_assignment.assigned_at',
      'user.name',
      'user.email',
    ])
    .orderBy('training_assignment.assigned_at', 'desc');
  if (moduleId) query = query.where('training_assignment.module', '=', moduleId);
  return (await query.execute()).map((row) => ({
    id: row.id,
    module: row.module,
    userId: row.user_id,
    team: row.team,
    dueOn: row.due_on,
    assignedAt: row.assigned_at,
    person: row.name && row.email ? { name: row.name, email: row.email } : null,
  }));
}

export async function removeAssignment({ db }: Pick<TrainingDeps, 'db'>, id: string): Promise<void> {
  const removed = await db.deleteFrom('training_assignment').where('id', '=', id).executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw new ApiError('NOT_FOUND', 'There is no assignment with that id.');
}

/**
 * Asks a person to take a module again: what they did before no longer counts towards it (their
 * earlier completion stays on record), and the module is due again.
 */
export async function requestRetake(
  deps: TrainingDeps,
  actor: Actor,
  input: { userId: string; module: string; dueOn?: string | undefined },
): Promise<{ id: string; requestedAt: string }> {
  const module = findModule(deps.catalog, input.module);
  const person = await deps.db.selectFrom('user').select('id').where('id', '=', input.userId).executeTakeFirst();
  if (!person) throw new ApiError('INVALID_INPUT', 'There is nobody with that id.', { fields: { userId: 'there is nobody with that id' } });
  const request = { id: generateId(), requestedAt: deps.now().toISOString() };
  await deps.db.transaction().execute(async (trx) => {
    // An attempt left open is given up: the retake starts afresh.
    await trx
      .deleteFrom('quiz_attempt')
      .where('user_id', '=', input.userId)
      .where('module', '=', module.id)
      .where('finished_at', 'is', null)
      .execute();
    await trx
      .insertInto('retake_request')
      .values({
        id: request.id,
        user_id: input.userId,
        module: module.id,
        due_on: input.dueOn ?? null,
        requested_by: actor.user?.id ?? null,
        requested_at: request.requestedAt,
      })
      .execute();
  });
  return request;
}
