/** GET /api/reviews: the pages due for review, most urgent first, for owners planning their reviews. */
import { z } from 'astro/zod';
import { REVIEW_STATES, type ReviewState } from '../../features/content/index.ts';
import { defineApi, method } from '../../server/api/route.ts';
import { csvResponse, wantsCsv } from '../../server/api/csv-response.ts';
import { isoDate } from '../../kit/schemas.ts';
import { reviewList } from '../../features/reviews/server.ts';

export const prerender = false;

const Query = z.object({
  status: z
    .string()
    .transform((value, context) => {
      const states = value
        .split(',')
        .map((state) => state.trim())
        .filter(Boolean);
      const unknown = states.filter((state) => !REVIEW_STATES.includes(state as ReviewState));
      if (unknown.length > 0) {
        context.addIssue({
          code: 'custom',
          message: `${unknown.join(', ')}: write one or more of ${REVIEW_STATES.join(', ')}, comma-separated`,
        });
        return z.NEVER;
      }
      return states as ReviewState[];
    })
    .optional()
    .meta({ description: 'One or more of overdue, due-soon, unknown, current, comma-separated.' }),
  owner: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'A page owner (a handle such as @kestrel/billing-ops, or its name), or `me` for the pages I answer for.' }),
  section: z.string().trim().min(1).max(200).optional().meta({ description: 'A section, e.g. policies or /policies/.' }),
  today: isoDate
    .optional()
    .meta({ description: 'YYYY-MM-DD: the list as it will be on that day. Default: today in the site’s time zone.' }),
  format: z.enum(['json', 'csv'], { error: 'write json or csv' }).optional().meta({ description: 'csv, or send Accept: text/csv.' }),
});

const ReviewItemSchema = z
  .object({
    title: z.string(),
    url: z.string(),
    file: z.string(),
    owner: z.string().nullable(),
    reviewed: z.string().nullable(),
    reviewEvery: z.string(),
    due: z.string().nullable(),
    status: z.enum(REVIEW_STATES as [ReviewState, ...ReviewState[]]),
    daysOverdue: z.number().int(),
    section: z.string(),
  })
  .meta({ id: 'ReviewItem' });

export const { GET, ALL, spec } = defineApi('/api/reviews', {
  GET: method({
    summary: 'Pages due for review',
    description:
      'Every published page with its owner, last review, interval, due date and review state, most urgent first: overdue (longest first), due soon, unknown (no review date), current. As JSON, or CSV.',
    tags: ['Reviews'],
    access: 'signed-in',
    keyScope: 'reports',
    query: Query,
    responses: {
      200: { description: 'The pages.', schema: z.object({ today: z.string(), items: z.array(ReviewItemSchema) }) },
    },
    handler: async ({ app, user, query, request }) => {
      const list = reviewList({ manifest: await app.manifest(), now: app.now }, user, query);
      if (!wantsCsv(request, query.format)) return Response.json(list, { headers: { 'Cache-Control': 'no-store' } });
      return csvResponse(
        `reviews-${list.today}.csv`,
        ['title', 'url', 'file', 'owner', 'reviewed', 'review_every', 'due', 'status', 'days_overdue'],
        list.items.map((item) => [
          item.title,
          item.url,
          item.file,
          item.owner ?? '',
          item.reviewed ?? '',
          item.reviewEvery,
          item.due ?? '',
          item.status,
          item.daysOverdue,
        ]),
      );
    },
  }),
});
