/**
 * GET /api/reports/feedback: what readers said about pages: per page yes and no with recent
 * comments, and every answer. Managers and admins see every page; page owners their own.
 * Nobody sees who answered.
 */
import { z } from 'astro/zod';
import { csvResponse, wantsCsv } from '../../../server/api/csv-response.ts';
import { FEEDBACK_TAGS, REPORT_READERS } from '../../../features/feedback/index.ts';
import { feedbackDeps, reportViewerScope, feedbackEntries, feedbackSummary } from '../../../features/feedback/server.ts';
import { defineApi, method } from '../../../server/api/route.ts';
import { requireUser } from '../../../features/accounts/server.ts';

export const prerender = false;

const DAYS_HINT = 'write a whole number of days from 1 to 366';
const optionalText = (description: string) =>
  z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((value) => value || undefined)
    .meta({ description });

export const FeedbackQuery = z.object({
  days: z.coerce
    .number({ error: DAYS_HINT })
    .int({ error: DAYS_HINT })
    .min(1, { error: DAYS_HINT })
    .max(366, { error: DAYS_HINT })
    .default(30),
  section: optionalText('Only pages in this section or below, e.g. /policies/.'),
  page: optionalText('Only this page, e.g. /policies/refunds/.'),
  helpful: z.enum(['yes', 'no'], { error: 'write yes or no' }).optional(),
  format: z
    .enum(['json', 'csv'], { error: 'write json or csv' })
    .optional()
    .meta({ description: 'csv: one row per answer. Accept: text/csv does the same.' }),
});

const Entry = z.object({
  page: z.string(),
  pageVersion: z.string(),
  helpful: z.boolean(),
  comment: z.string().nullable(),
  at: z.string(),
  day: z.string(),
});

export const { GET, ALL, spec } = defineApi('/api/reports/feedback', {
  GET: method({
    summary: 'Page feedback',
    description:
      'The answers to “Was this page helpful?” of the last `days` days (default 30): per page, most “no” first, and every answer, newest first. Managers and admins see every page; page owners their own; others get 403 FORBIDDEN.',
    tags: FEEDBACK_TAGS,
    access: REPORT_READERS,
    query: FeedbackQuery,
    responses: {
      200: {
        description: 'Pages and answers (JSON), or the answers as a CSV file.',
        schema: z.object({
          days: z.number().int(),
          pages: z.array(
            z.object({
              url: z.string(),
              title: z.string(),
              owner: z.string().nullable(),
              section: z.string(),
              version: z.string(),
              yes: z.number().int(),
              no: z.number().int(),
              comments: z.array(Entry),
              lastAt: z.string(),
            }),
          ),
          entries: z.array(Entry),
        }),
      },
    },
    handler: async ({ app, user, query, request }) => {
      const manifest = await app.manifest();
      const scope = reportViewerScope(requireUser(user), manifest);
      const deps = feedbackDeps(app, manifest);
      let pages = scope.kind === 'owner' ? new Set(scope.pages.map((page) => page.url)) : undefined;
      if (query.page) pages = new Set(pages ? [...pages].filter((url) => url === query.page) : [query.page]);
      const filter = {
        since: new Date(app.now().getTime() - query.days * 86_400_000).toISOString(),
        pages,
        section: query.section,
        helpful: query.helpful === undefined ? undefined : query.helpful === 'yes',
      };
      const entries = await feedbackEntries(deps, filter);
      if (wantsCsv(request, query.format)) {
        const titles = new Map(manifest.pages.map((page) => [page.url, page.title]));
        return csvResponse(
          'page-feedback.csv',
          ['at', 'page', 'title', 'page_version', 'helpful', 'comment'],
          entries.map((entry) => [
            entry.at,
            entry.page,
            titles.get(entry.page) ?? '',
            entry.pageVersion,
            entry.helpful ? 'yes' : 'no',
            entry.comment ?? '',
          ]),
        );
      }
      return { days: query.days, pages: await feedbackSummary(deps, filter), entries };
    },
  }),
});
