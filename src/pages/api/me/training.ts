/** GET /api/me/training: my modules, with progress, assignment, due date and status, the most urgent first. */
import { z } from 'astro/zod';
import { defineApi, method } from '../../../server/api/route.ts';
import { ModuleProgressSchema, TRAINING_TAGS } from '../../../features/training/index.ts';
import { trainingDeps, learnerProgress } from '../../../features/training/server.ts';
import { requireUser } from '../../../features/accounts/server.ts';

export const prerender = false;

export const { GET, ALL, spec } = defineApi('/api/me/training', {
  GET: method({
    summary: 'My training',
    description: 'Every module, with my progress. Overdue ones first, then by due date; modules nobody assigned me and passed ones last.',
    tags: TRAINING_TAGS,
    access: 'signed-in',
    responses: { 200: { description: 'My modules.', schema: z.object({ modules: z.array(ModuleProgressSchema) }) } },
    handler: async ({ app, user }) => ({ modules: await learnerProgress(await trainingDeps(app), requireUser(user)) }),
  }),
});
