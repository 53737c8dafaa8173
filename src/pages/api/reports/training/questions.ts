/** GET /api/reports/training/questions?module=: how each question of a module's quiz does. */
import { z } from 'astro/zod';
import { csvResponse, wantsCsv } from '../../../../server/api/csv-response.ts';
import { REPORT_TAGS, SourceSchema } from '../../../../features/training/index.ts';
import { REPORT_VIEWERS } from '../../../../features/accounts/index.ts';
import { trainingDeps, questionStatistics } from '../../../../features/training/server.ts';
import { defineApi, method } from '../../../../server/api/route.ts';

export const prerender = false;

const Query = z.object({
  module: z.string({ error: 'name the module, e.g. ?module=new-agent-onboarding' }).trim().min(1).max(200),
  format: z.enum(['json', 'csv'], { error: 'write json or csv' }).optional(),
});

export const { GET, ALL, spec } = defineApi('/api/reports/training/questions', {
  GET: method({
    summary: 'Question statistics',
    description:
      'Per question, over every finished attempt: facility (average marks, percent), discrimination (Moodle’s index: the correlation, times 100, between the question and the rest of the attempt; below 20 the question tells little), the wrong choice picked most, and the policy section it checks. Hardest first.',
    tags: REPORT_TAGS,
    access: REPORT_VIEWERS,
    keyScope: 'reports',
    query: Query,
    responses: {
      200: {
        description: 'The statistics (JSON), or a CSV file.',
        schema: z.object({
          module: z.string(),
          attempts: z.number().int(),
          attemptsByLanguage: z
            .array(z.object({ lang: z.string(), attempts: z.number().int() }))
            .meta({ description: 'The finished attempts per language they were taken in, most first; the statistics count them all.' }),
          questions: z.array(
            z.object({
              id: z.string(),
              prompt: z.string(),
              attempts: z.number().int(),
              facility: z.number().nullable(),
              discrimination: z.number().nullable(),
              mostChosenWrong: z.object({ id: z.string(), text: z.string(), count: z.number().int() }).nullable(),
              source: SourceSchema.nullable(),
            }),
          ),
        }),
      },
    },
    handler: async ({ app, query, request }) => {
      const statistics = await questionStatistics(await trainingDeps(app), query.module);
      // Hardest first; questions nobody has drawn yet last.
      statistics.questions.sort((a, b) => (a.facility ?? 101) - (b.facility ?? 101));
      if (!wantsCsv(request, query.format)) return Response.json(statistics, { headers: { 'Cache-Control': 'no-store' } });
      return csvResponse(
        `question-statistics-${statistics.module}.csv`,
        ['question', 'prompt', 'attempts', 'facility', 'discrimination', 'most_chosen_wrong', 'most_chosen_wrong_count', 'source'],
        statistics.questions.map((question) => [
          question.id,
          question.prompt,
          question.attempts,
          question.facility ?? '',
          question.discrimination ?? '',
          question.mostChosenWrong?.text ?? '',
          question.mostChosenWrong?.count ?? '',
          question.source ? `${question.source.url}${question.source.anchor ? `#${question.source.anchor}` : ''}` : '',
        ]),
      );
    },
  }),
});
