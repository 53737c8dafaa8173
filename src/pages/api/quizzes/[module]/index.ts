/** GET /api/quizzes/{module}: the quiz to take, without answers: the questions drawn for my attempt. */
import { defineApi, method } from '../../../../lib/server/api/route.ts';
import { ModuleParams, QuizSchema, TRAINING_TAGS, trainingDeps } from '../../../../lib/server/api/training.ts';
import { requireUser } from '../../../../lib/server/auth/guards.ts';
import { openAttempt } from '../../../../lib/server/training/attempts.ts';

export const prerender = false;

export const { GET, ALL, spec } = defineApi('/api/quizzes/{module}', {
  GET: method({
    summary: 'The quiz to take',
    description:
      'Draws (and shuffles, where the quiz says so) the questions of a new attempt, or gives the attempt already open. Never says which choice is correct. 409 ATTEMPT_LIMIT_REACHED once the attempts allowed are used.',
    tags: TRAINING_TAGS,
    access: 'signed-in',
    params: ModuleParams,
    responses: {
      200: { description: 'The attempt’s questions.', schema: QuizSchema },
      404: { description: 'No such module, or it has no quiz.' },
    },
    handler: async ({ app, user, params }) => openAttempt(await trainingDeps(app), requireUser(user), params.module),
  }),
});
