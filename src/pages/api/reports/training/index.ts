/** GET /api/reports/training: everyone's progress in every module, as JSON or CSV. */
import { z } from 'astro/zod';
import { csvResponse, wantsCsv } from '../../../../server/api/csv-response.ts';
import { ModuleProgressSchema, REPORT_TAGS, MODULE_STATUSES } from '../../../../features/training/index.ts';
import { REPORT_VIEWERS } from '../../../../features/accounts/index.ts';
import { trainingDeps, trainingReport } from '../../../../features/training/server.ts';
import { defineApi, method } from '../../../../server/api/route.ts';

export const prerender = false;

const Query = z.object({
  team: z.string().trim().min(1).max(200).optional(),
  jobRole: z.string().trim().min(1).max(200).optional(),
  module: z.string().trim().min(1).max(200).optional(),
  status: z.enum(MODULE_STATUSES, { error: `write one of ${MODULE_STATUSES.join(', ')}` }).optional(),
  format: z
    .enum(['json', 'csv'], { error: 'write json or csv' })
    .optional()
    .meta({ description: 'csv: one row per person and module. Accept: text/csv does the same.' }),
});

const CSV_HEADER = [
  'name',
  'email',
  'team',
  'job_roles',
  'module',
  'status',
  'lessons_done',
  'lessons_total',
  'best_score',
  'attempts_used',
  'attempt_languages',
  'due_on',
  'completed_at',
  'completed_version',
];

export const { GET, ALL, spec } = defineApi('/api/reports/training', {
  GET: method({
    summary: 'Training report',
    description:
      'One row per active person and module, people by name. Filter by team, job role, module and status. 404 NOT_FOUND for a module that does not exist.',
    tags: REPORT_TAGS,
    access: REPORT_VIEWERS,
    keyScope: 'reports',
    query: Query,
    responses: {
      200: {
        description: 'The rows (JSON), or a CSV file.',
        schema: z.object({
          rows: z.array(
            z.object({
              person: z.object({
                id: z.string(),
                name: z.string(),
                email: z.string(),
                team: z.string().nullable(),
                jobRoles: z.array(z.string()),
              }),
              progress: ModuleProgressSchema,
            }),
          ),
        }),
      },
    },
    handler: async ({ app, query, request }) => {
      const rows = await trainingReport(await trainingDeps(app), query);
      if (!wantsCsv(request, query.format)) return Response.json({ rows }, { headers: { 'Cache-Control': 'no-store' } });
      return csvResponse(
        'training-report.csv',
        CSV_HEADER,
        rows.map(({ person, progress }) => [
          person.name,
          person.email,
          person.team ?? '',
          person.jobRoles.join('; '),
          progress.module,
          progress.status,
          progress.lessonsDone,
          progress.lessonsTotal,
          progress.bestScore ?? '',
          progress.attemptsUsed,
          progress.attempts.map((attempt) => attempt.lang).join('; '),
          progress.dueOn ?? '',
          progress.completedAt ?? '',
          progress.completedVersion ?? '',
        ]),
      );
    },
  }),
});
