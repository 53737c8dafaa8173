/**
 * POST /api/feedback: "Was this page helpful?" from the widget under every page. Anyone who may
 * read the handbook may answer, once per version of the page: a second answer replaces the
 * first (feedback/feedback.ts). Rate-limited per client address.
 */
import { z } from 'astro/zod';
import { FeedbackBody, feedbackDeps, recordFeedback } from '../../features/feedback/server.ts';
import { FEEDBACK_TAGS } from '../../features/feedback/index.ts';
import { defineApi, method } from '../../server/api/route.ts';
import { ApiError } from '../../kit/server/errors.ts';

export const prerender = false;

export const { POST, ALL, spec } = defineApi('/api/feedback', {
  POST: method({
    summary: 'Say whether a page helped',
    description:
      '`{ page, helpful, comment? }`; then, to add a comment to that answer, the same with the `id` it got. 404 NOT_FOUND for an address that is no page. 429 RATE_LIMITED with Retry-After per client address.',
    tags: FEEDBACK_TAGS,
    access: 'handbook',
    body: FeedbackBody,
    responses: {
      201: {
        description:
          'Stored; `replaced` when it took the place of the reader’s earlier answer on this version of the page (a signed-in person’s, or one from the same address that day).',
        schema: z.object({ id: z.string(), replaced: z.boolean() }),
      },
    },
    handler: async ({ app, user, body, clientAddress }) => {
      const { allowed, retryAfterSeconds } = app.feedbackLimiter.take(clientAddress);
      if (!allowed) {
        throw new ApiError('RATE_LIMITED', `Too much feedback from this address; try again in ${retryAfterSeconds} s.`, {
          headers: { 'Retry-After': String(retryAfterSeconds) },
        });
      }
      const result = await recordFeedback(feedbackDeps(app, await app.manifest()), { user, clientAddress }, body);
      return Response.json(result, { status: 201, headers: { 'Cache-Control': 'no-store' } });
    },
  }),
});
