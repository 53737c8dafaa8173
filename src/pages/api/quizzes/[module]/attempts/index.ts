/**
 * POST /api/quizzes/{module}/attempts: submit my open attempt, graded on the server. GET: my
 * finished attempts.
 */
import { z } from 'astro/zod';
import { defineApi, method } from '../../../../../server/api/route.ts';
import { AttemptResultSchema, ModuleParams, TRAINING_TAGS } from '../../../../../features/training/index.ts';
import { trainingDeps, listAttempts, submitAttempt } from '../../../../../features/training/server.ts';
import { requireUser } from '../../../../../features/accounts/server.ts';

export const prerender = false;

const Submission = z.strictObject({
  answers: z
    .record(
      z.string(),
      z.array(z.string({ error: 'write the choice ids the quiz gave this attempt, e.g. ["k7m2x9qa"]' }), {
        error: 'write a list of the choice ids the quiz gave this attempt, e.g. ["k7m2x9qa"]',
      }),
      { error: 'write the answers as { "<question id>": ["<choice id>", ...] }' },
    )
    .meta({
      description:
        'Question id -> the ids of the chosen choices, as GET /api/quizzes/{module} gave them for this attempt. A question left out counts as unanswered.',
    }),
  idempotencyKey: z
    .string({ error: 'send a key made for this submission, e.g. a random UUID' })
    .min(8, { error: 'use at least 8 characters, e.g. a random UUID' })
    .max(100, { error: 'use at most 100 characters' })
    .meta({ description: 'Made once per submission: the same submission sent again is stored once and answered the same.' }),
});

export const { POST, GET, ALL, spec } = defineApi('/api/quizzes/{module}/attempts', {
  POST: method({
    summary: 'Submit my attempt',
    description:
      'Grades the open attempt (see GET /api/quizzes/{module}). 201 for a new result, 200 for a submission already stored under the same idempotency key. 400 INVALID_INPUT names an unknown question or choice (a choice id from another attempt is unknown), or two answers to a single-choice question; 409 NO_OPEN_ATTEMPT, or CONFLICT when the attempt was already submitted.',
    tags: TRAINING_TAGS,
    access: 'signed-in',
    params: ModuleParams,
    body: Submission,
    responses: {
      201: { description: 'Graded.', schema: AttemptResultSchema },
      200: { description: 'The same submission, already graded.', schema: AttemptResultSchema },
    },
    handler: async ({ app, user, params, body }) => {
      const { result, repeated } = await submitAttempt(await trainingDeps(app), requireUser(user), params.module, body);
      return Response.json(result, { status: repeated ? 200 : 201, headers: { 'Cache-Control': 'no-store' } });
    },
  }),
  GET: method({
    summary: 'My attempts',
    tags: TRAINING_TAGS,
    access: 'signed-in',
    params: ModuleParams,
    responses: {
      200: {
        description: 'My finished attempts, oldest first.',
        schema: z.object({
          attempts: z.array(
            z.object({
              attemptId: z.string(),
              number: z.number().int(),
              quizVersion: z.string(),
              lang: z.string().meta({ description: 'The language the attempt was taken in.' }),
              score: z.number(),
              passed: z.boolean(),
              startedAt: z.string(),
              finishedAt: z.string(),
            }),
          ),
        }),
      },
    },
    handler: async ({ app, user, params }) => ({ attempts: await listAttempts(await trainingDeps(app), requireUser(user), params.module) }),
  }),
});
