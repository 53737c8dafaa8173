/** GET /api/quizzes/{module}/attempts/{attempt}: the result of one of my attempts. */
import { z } from 'astro/zod';
import { defineApi, method } from '../../../../../server/api/route.ts';
import { AttemptResultSchema, TRAINING_TAGS } from '../../../../../features/training/index.ts';
import { trainingDeps, resultOf, findModule } from '../../../../../features/training/server.ts';
import { requireUser } from '../../../../../features/accounts/server.ts';

export const prerender = false;

const Params = z.object({ module: z.string().min(1).max(200), attempt: z.string().min(1).max(100) });

export const { GET, ALL, spec } = defineApi('/api/quizzes/{module}/attempts/{attempt}', {
  GET: method({
    summary: 'The result of one of my attempts',
    tags: TRAINING_TAGS,
    access: 'signed-in',
    params: Params,
    responses: {
      200: {
        description:
          'The graded attempt, as its results page shows it: the right answers, and the explanations of the questions I missed, as the quiz’s reveal setting says.',
        schema: AttemptResultSchema,
      },
    },
    handler: async ({ app, user, params }) => {
      const deps = await trainingDeps(app);
      return resultOf(deps, requireUser(user), findModule(deps.catalog, params.module), params.attempt);
    },
  }),
});
