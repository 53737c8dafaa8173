/** POST /api/training/retakes: ask someone to take a module again. */
import { z } from 'astro/zod';
import { actorOf } from '../../../features/accounts/server.ts';
import { DueDate, TRAINERS, TRAINING_TAGS } from '../../../features/training/index.ts';
import { trainingDeps, requestRetake } from '../../../features/training/server.ts';
import { defineApi, method } from '../../../server/api/route.ts';

export const prerender = false;

const Retake = z.strictObject({
  userId: z.string({ error: 'name the person by id' }).trim().min(1).max(100),
  module: z.string({ error: 'name the module, e.g. new-agent-onboarding' }).trim().min(1).max(200),
  dueOn: DueDate.optional(),
});

export const { POST, ALL, spec } = defineApi('/api/training/retakes', {
  POST: method({
    summary: 'Request a retake',
    description:
      'Lessons, attempts and the pass from before no longer count towards the module (the earlier completion stays on record); an attempt left open is given up. The module is due again: on dueOn, or the module’s dueWithinDays from today.',
    tags: TRAINING_TAGS,
    access: TRAINERS,
    body: Retake,
    responses: { 201: { description: 'Requested.', schema: z.object({ id: z.string(), requestedAt: z.string() }) } },
    handler: async ({ app, user, body, clientAddress }) =>
      Response.json(await requestRetake(await trainingDeps(app), actorOf(user, clientAddress), body), { status: 201 }),
  }),
});
