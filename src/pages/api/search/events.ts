/**
 * POST /api/search/events: the in-page search reports a search when it ends (the dialog
 * closed, a result opened, the page left), since it runs in the browser and never asks the
 * server. Anonymous: nothing about who searched is stored (search-gaps/gaps.ts), a reader counts
 * once per question and day, and the answer is the same whoever asks. Rate-limited per client address; a private handbook takes
 * reports only from signed-in people.
 */
import { z } from 'astro/zod';
import { GAP_TAGS } from '../../../features/feedback/index.ts';
import { searchGapDeps, recordSearch } from '../../../features/feedback/server.ts';
import { defineApi, method } from '../../../server/api/route.ts';
import { ApiError } from '../../../kit/server/errors.ts';

export const prerender = false;

const Body = z.object({
  query: z.string({ error: 'send the question that was searched for' }).max(500, { error: 'keep the question under 500 characters' }),
  results: z
    .number({ error: 'send how many results the search showed, a whole number' })
    .int({ error: 'write a whole number' })
    .min(0)
    .max(100_000),
  opened: z.boolean({ error: 'send true when a result was opened, else false' }),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { error: 'write a language code, e.g. en or de' })
    .optional(),
});

export const { POST, ALL, spec } = defineApi('/api/search/events', {
  POST: method({
    summary: 'Report a search that ended',
    description:
      'Sent by the in-page search when a search ends: `{ query, results, opened }`. Counted per normalised question and day, once per reader, with no identity; searches that found nothing or whose results nobody opened are the search gaps. 429 RATE_LIMITED with Retry-After per client address.',
    tags: GAP_TAGS,
    access: 'handbook',
    body: Body,
    responses: { 202: { description: 'Counted (or ignored: a question without words).', schema: z.object({ counted: z.boolean() }) } },
    handler: async ({ app, body, user, clientAddress }) => {
      const { allowed, retryAfterSeconds } = app.searchReportLimiter.take(clientAddress);
      if (!allowed) {
        throw new ApiError('RATE_LIMITED', `Too many search reports from this address; try again in ${retryAfterSeconds} s.`, {
          headers: { 'Retry-After': String(retryAfterSeconds) },
        });
      }
      const manifest = await app.manifest();
      const { counted } = await recordSearch(searchGapDeps(app, manifest, body.lang), body, { userId: user?.id, clientAddress });
      return Response.json({ counted }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
    },
  }),
});
