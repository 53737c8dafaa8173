/**
 * GET /api/reports/search-gaps: questions the handbook did not answer (nothing found, or no
 * result opened), most often first, with the section that came closest: what to write next.
 * Managers and admins see every question; page owners the ones closest to sections with pages
 * of theirs, and the ones close to no section at all.
 */
import { z } from 'astro/zod';
import { csvResponse, wantsCsv } from '../../../server/api/csv-response.ts';
import { GAP_TAGS, REPORT_READERS } from '../../../features/feedback/index.ts';
import { reportViewerScope, searchGapDeps, sectionOfPage, sectionTitle, searchGaps } from '../../../features/feedback/server.ts';
import { defineApi, method } from '../../../server/api/route.ts';
import { requireUser } from '../../../features/accounts/server.ts';

export const prerender = false;

const DAYS_HINT = 'write a whole number of days from 1 to 366';
const Query = z.object({
  days: z.coerce
    .number({ error: DAYS_HINT })
    .int({ error: DAYS_HINT })
    .min(1, { error: DAYS_HINT })
    .max(366, { error: DAYS_HINT })
    .default(30),
  section: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((value) => value || undefined)
    .meta({ description: 'Only questions closest to this section, by its address, e.g. /policies/.' }),
  format: z
    .enum(['json', 'csv'], { error: 'write json or csv' })
    .optional()
    .meta({ description: 'Accept: text/csv does the same as csv.' }),
});

const Gap = z.object({
  question: z.string(),
  searches: z.number().int(),
  noResults: z.number().int(),
  notOpened: z.number().int(),
  unanswered: z.number().int(),
  section: z.string().nullable().meta({ description: 'The address of the section whose pages came closest; null: none did.' }),
  sectionTitle: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
});

export const { GET, ALL, spec } = defineApi('/api/reports/search-gaps', {
  GET: method({
    summary: 'Search gaps',
    description:
      'Questions of the last `days` days (default 30) that found nothing or whose results nobody opened, most often unanswered first. Managers and admins see all; page owners those closest to their sections or to none; others get 403 FORBIDDEN. No question carries who asked it.',
    tags: GAP_TAGS,
    access: REPORT_READERS,
    query: Query,
    responses: {
      200: { description: 'The questions (JSON), or a CSV file.', schema: z.object({ days: z.number().int(), gaps: z.array(Gap) }) },
    },
    handler: async ({ app, user, query, request }) => {
      const manifest = await app.manifest();
      const scope = reportViewerScope(requireUser(user), manifest);
      const gaps = (
        await searchGaps(searchGapDeps(app, manifest), {
          days: query.days,
          section: query.section,
          withinSections: scope.kind === 'owner' ? new Set(scope.pages.map(sectionOfPage)) : undefined,
        })
      ).map((gap) => ({ ...gap, sectionTitle: sectionTitle(manifest, gap.section) }));
      if (!wantsCsv(request, query.format)) return { days: query.days, gaps };
      return csvResponse(
        'search-gaps.csv',
        ['question', 'unanswered', 'no_results', 'not_opened', 'searches', 'closest_section', 'first_day', 'last_day'],
        gaps.map((gap) => [
          gap.question,
          gap.unanswered,
          gap.noResults,
          gap.notOpened,
          gap.searches,
          gap.section ?? '',
          gap.firstDay,
          gap.lastDay,
        ]),
      );
    },
  }),
});
