/** GET/POST /api/training/assignments: the modules managers have assigned, beyond job roles. */
import { z } from 'astro/zod';
import { actorOf } from '../../../../lib/server/api/admin.ts';
import { DueDate, TRAINERS, TRAINING_TAGS, trainingDeps } from '../../../../lib/server/api/training.ts';
import { defineApi, method } from '../../../../lib/server/api/route.ts';
import { assignModule, listAssignments } from '../../../../lib/server/training/assignments.ts';
import { findModule } from '../../../../lib/server/training/learner.ts';

export const prerender = false;

const AssignmentSchema = z
  .object({
    id: z.string(),
    module: z.string(),
    userId: z.string().nullable(),
    team: z.string().nullable(),
    dueOn: z.string().nullable(),
    assignedAt: z.string(),
  })
  .meta({ id: 'TrainingAssignment' });

const NewAssignment = z.strictObject({
  module: z.string({ error: 'name the module, e.g. new-agent-onboarding' }).trim().min(1).max(200),
  userId: z.string().trim().min(1).max(100).optional().meta({ description: 'Assign to this person…' }),
  team: z.string().trim().min(1).max(80).optional().meta({ description: '…or to everyone in this team, now and later.' }),
  dueOn: DueDate.optional().meta({ description: 'YYYY-MM-DD; without it, the module’s dueWithinDays from today (none if it has none).' }),
});

export const { GET, POST, ALL, spec } = defineApi('/api/training/assignments', {
  GET: method({
    summary: 'Assignments',
    description: 'Newest first. Modules assigned by job role (assignTo on the module’s page) are not listed here; the report shows them.',
    tags: TRAINING_TAGS,
    access: TRAINERS,
    query: z.object({ module: z.string().trim().min(1).max(200).optional() }),
    responses: {
      200: {
        description: 'The assignments.',
        schema: z.object({
          assignments: z.array(AssignmentSchema.extend({ person: z.object({ name: z.string(), email: z.string() }).nullable() })),
        }),
      },
    },
    handler: async ({ app, query }) => {
      const deps = await trainingDeps(app);
      if (query.module) findModule(deps.catalog, query.module);
      return { assignments: await listAssignments(deps, query.module) };
    },
  }),
  POST: method({
    summary: 'Assign a module',
    description:
      'To a person (userId) or a team. 400 INVALID_INPUT for both or neither, nobody with that id, or a team nobody is in; 404 for an unknown module.',
    tags: TRAINING_TAGS,
    access: TRAINERS,
    body: NewAssignment,
    responses: { 201: { description: 'Assigned.', schema: AssignmentSchema } },
    handler: async ({ app, user, body, clientAddress }) =>
      Response.json(await assignModule(await trainingDeps(app), actorOf(user, clientAddress), body), { status: 201 }),
  }),
});
