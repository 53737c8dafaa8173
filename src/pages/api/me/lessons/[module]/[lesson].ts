/** POST /api/me/lessons/{module}/{lesson}: mark a lesson done; again changes nothing. */
import { z } from 'astro/zod';
import { defineApi, method } from '../../../../../server/api/route.ts';
import { ModuleProgressSchema, TRAINING_TAGS } from '../../../../../features/training/index.ts';
import { trainingDeps, markLessonDone } from '../../../../../features/training/server.ts';
import { requireUser } from '../../../../../features/accounts/server.ts';

export const prerender = false;

const Params = z.object({
  module: z.string().min(1).max(200).meta({ description: 'The module’s folder name, e.g. new-agent-onboarding.' }),
  lesson: z.string().min(1).max(200).meta({ description: 'The lesson’s address name, e.g. verifying-identity.' }),
});

export const { POST, ALL, spec } = defineApi('/api/me/lessons/{module}/{lesson}', {
  POST: method({
    summary: 'Mark a lesson done',
    description: 'Idempotent. When it is the module’s last lesson and its quiz is passed, the module is recorded complete.',
    tags: TRAINING_TAGS,
    access: 'signed-in',
    params: Params,
    responses: {
      200: { description: 'The module’s progress.', schema: ModuleProgressSchema },
      404: { description: 'No such module or lesson.' },
    },
    handler: async ({ app, user, params }) => markLessonDone(await trainingDeps(app), requireUser(user), params.module, params.lesson),
  }),
});
