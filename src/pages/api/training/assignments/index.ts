/** GET/POST /api/training/assignments: the modules managers have assigned, beyond job roles. */
import { z } from 'astro/zod';
import { actorOf } from '../../../../features/accounts/server.ts';
import { NewAssignment, TRAINERS, TRAINING_TAGS } from '../../../../features/training/index.ts';
import { trainingDeps, assignModule, listAssignments, findModule } from '../../../../features/training/server.ts';
import { defineApi, method } from '../../../../server/api/route.ts';

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
