/**
 * GET /api/reports/training/completions: every completion on record, for auditors, as CSV or
 * JSON Lines (one object per line, so large exports stream into other tools).
 */
import { z } from 'astro/zod';
import { csvResponse } from '../../../../server/api/csv-response.ts';
import { REPORT_TAGS } from '../../../../features/training/index.ts';
import { REPORT_VIEWERS } from '../../../../features/accounts/index.ts';
import { trainingDeps, completionRecords, findModule } from '../../../../features/training/server.ts';
import { defineApi, method } from '../../../../server/api/route.ts';

export const prerender = false;

const Query = z.object({
  module: z.string().trim().min(1).max(200).optional(),
  format: z.enum(['csv', 'jsonl'], { error: 'write csv or jsonl' }).default('csv'),
});

export const { GET, ALL, spec } = defineApi('/api/reports/training/completions', {
  GET: method({
    summary: 'Completion records',
    description:
      'Every completion ever recorded, oldest first, including people since deactivated: who, which module, on which version of the module and its quiz, with what score, when, and the language of the attempt that passed the quiz. CSV (default) or JSON Lines.',
    tags: REPORT_TAGS,
    access: REPORT_VIEWERS,
    keyScope: 'reports',
    query: Query,
    responses: {
      200: { description: 'A CSV file, or JSON Lines with format=jsonl.', contentType: 'text/csv' },
    },
    handler: async ({ app, query }) => {
      const deps = await trainingDeps(app);
      if (query.module) findModule(deps.catalog, query.module);
      const records = await completionRecords(deps, query.module);
      if (query.format === 'jsonl') {
        return new Response(records.map((record) => `${JSON.stringify(record)}\n`).join(''), {
          headers: {
            'Content-Type': 'application/jsonl; charset=utf-8',
            'Content-Disposition': 'attachment; filename="training-completions.jsonl"',
            'Cache-Control': 'no-store',
          },
        });
      }
      return csvResponse(
        'training-completions.csv',
        ['name', 'email', 'module', 'module_version', 'quiz_version', 'score', 'completed_at', 'attempt_id', 'attempt_lang'],
        records.map((record) => [
          record.name,
          record.email,
          record.module,
          record.moduleVersion,
          record.quizVersion ?? '',
          record.score ?? '',
          record.completedAt,
          record.attemptId ?? '',
          record.attemptLang ?? '',
        ]),
      );
    },
  }),
});
