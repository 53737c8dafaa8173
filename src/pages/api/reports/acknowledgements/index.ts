/** GET /api/reports/acknowledgements: who has not acknowledged the current version of which page, as JSON or CSV. */
import { z } from 'astro/zod';
import { ACKNOWLEDGEMENT_REPORT_TAGS } from '../../../../features/acknowledgements/index.ts';
import { acknowledgementDeps, ACKNOWLEDGEMENT_STATUSES, acknowledgementReport } from '../../../../features/acknowledgements/server.ts';
import { defineApi, method } from '../../../../server/api/route.ts';
import { csvResponse, wantsCsv } from '../../../../server/api/csv-response.ts';
import { REPORT_VIEWERS } from '../../../../features/accounts/index.ts';

export const prerender = false;

const STATUS_FILTERS = [...ACKNOWLEDGEMENT_STATUSES, 'pending'] as const;

const Query = z.object({
  team: z.string().trim().min(1).max(200).optional(),
  jobRole: z.string().trim().min(1).max(200).optional(),
  page: z.string().trim().min(1).max(500).optional().meta({ description: 'A page’s address, e.g. /policies/identity-verification/.' }),
  status: z
    .enum(STATUS_FILTERS, { error: `write one of ${STATUS_FILTERS.join(', ')}` })
    .optional()
    .meta({
      description: 'acknowledged (the current version), outdated (an earlier one only), missing (none), pending (outdated or missing).',
    }),
  format: z
    .enum(['json', 'csv'], { error: 'write json or csv' })
    .optional()
    .meta({ description: 'csv: one row per person and page. Accept: text/csv does the same.' }),
});

const CSV_HEADER = [
  'name',
  'email',
  'team',
  'job_roles',
  'page',
  'title',
  'current_version',
  'status',
  'acknowledged_version',
  'acknowledged_at',
];

export const { GET, ALL, spec } = defineApi('/api/reports/acknowledgements', {
  GET: method({
    summary: 'Acknowledgement report',
    description:
      'One row per active person and page they must acknowledge, by page, then by name; with per page how many of the people acknowledged its current version. Filter by team, job role, page and status. 404 NOT_FOUND for a page that does not exist.',
    tags: ACKNOWLEDGEMENT_REPORT_TAGS,
    access: REPORT_VIEWERS,
    keyScope: 'reports',
    query: Query,
    responses: {
      200: {
        description: 'The pages and rows (JSON), or a CSV file of the rows.',
        schema: z.object({
          pages: z.array(
            z.object({
              url: z.string(),
              title: z.string(),
              version: z.string(),
              audience: z.array(z.string()),
              people: z.number().int(),
              acknowledged: z.number().int(),
            }),
          ),
          rows: z.array(
            z.object({
              person: z.object({
                id: z.string(),
                name: z.string(),
                email: z.string(),
                team: z.string().nullable(),
                jobRoles: z.array(z.string()),
              }),
              page: z.object({ url: z.string(), title: z.string(), version: z.string() }),
              status: z.enum(ACKNOWLEDGEMENT_STATUSES),
              acknowledgedVersion: z.string().nullable(),
              acknowledgedAt: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async ({ app, query, request }) => {
      const report = await acknowledgementReport(await acknowledgementDeps(app), query);
      if (!wantsCsv(request, query.format)) return Response.json(report, { headers: { 'Cache-Control': 'no-store' } });
      return csvResponse(
        'acknowledgements-report.csv',
        CSV_HEADER,
        report.rows.map((row) => [
          row.person.name,
          row.person.email,
          row.person.team ?? '',
          row.person.jobRoles.join('; '),
          row.page.url,
          row.page.title,
          row.page.version,
          row.status,
          row.acknowledgedVersion ?? '',
          row.acknowledgedAt ?? '',
        ]),
      );
    },
  }),
});
