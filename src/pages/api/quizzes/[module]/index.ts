/** GET /api/quizzes/{module}: the quiz to take, without answers: the questions drawn for my attempt. */
import { defineApi, method } from '../../../../server/api/route.ts';
import { ModuleParams, QuizLangQuery, QuizSchema, TRAINING_TAGS } from '../../../../features/training/index.ts';
import { trainingDeps, openAttempt } from '../../../../features/training/server.ts';
import { requireUser } from '../../../../features/accounts/server.ts';

export const prerender = false;

export const { GET, ALL, spec } = defineApi('/api/quizzes/{module}', {
  GET: method({
    summary: 'The quiz to take',
    description:
      'Draws (and shuffles, where the quiz says so) the questions of a new attempt, or gives the attempt already open, in the language `lang` asks for, else the open attempt’s, else my interface language, where the quiz is translated into it; otherwise in its own. The draw and the ids are the same in every language. Never says which choice is correct: choice ids are random and this attempt’s own, and choices are in a new order each attempt where the quiz shuffles. 409 ATTEMPT_LIMIT_REACHED once the attempts allowed are used.',
    tags: TRAINING_TAGS,
    access: 'signed-in',
    params: ModuleParams,
    query: QuizLangQuery,
    responses: {
      200: { description: 'The attempt’s questions.', schema: QuizSchema },
      404: { description: 'No such module, or it has no quiz.' },
    },
    handler: async ({ app, user, params, query }) => {
      const person = requireUser(user);
      return openAttempt(await trainingDeps(app), person, params.module, { requested: query.lang, preferred: person.language });
    },
  }),
});
