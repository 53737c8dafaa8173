/**
 * GET /api/reports/acknowledgements/records: every acknowledgement on record, for auditors, as
 * CSV or JSON Lines.
 */
import { z } from 'astro/zod';
import { ACKNOWLEDGEMENT_REPORT_TAGS } from '../../../../features/acknowledgements/index.ts';
import { defineApi, method } from '../../../../server/api/route.ts';
import { csvResponse } from '../../../../server/api/csv-response.ts';
import { REPORT_VIEWERS } from '../../../../features/accounts/index.ts';
import { normalizeUrl, acknowledgementRecords } from '../../../../features/acknowledgements/server.ts';

export const prerender = false;

const Query = z.object({
  page: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .meta({ description: 'Only this page’s records, e.g. /policies/identity-verification/.' }),
  format: z.enum(['csv', 'jsonl'], { error: 'write csv or jsonl' }).default('csv'),
});

export const { GET, ALL, spec } = defineApi('/api/reports/acknowledgements/records', {
  GET: method({
    summary: 'Acknowledgement records',
    description:
      'Every acknowledgement ever recorded, oldest first, including people since deactivated: who, which page (address and file), which version and the exact wording (text_hash), the language of the translation read (read_in; empty for the original), when. CSV (default) or JSON Lines.',
    tags: ACKNOWLEDGEMENT_REPORT_TAGS,
    access: REPORT_VIEWERS,
    keyScope: 'reports',
    query: Query,
    responses: { 200: { description: 'A CSV file, or JSON Lines with format=jsonl.', contentType: 'text/csv' } },
    handler: async ({ app, query }) => {
      const records = await acknowledgementRecords(app, query.page ? normalizeUrl(query.page) : undefined);
      if (query.format === 'jsonl') {
        return new Response(records.map((record) => `${JSON.stringify(record)}\n`).join(''), {
          headers: {
            'Content-Type': 'application/jsonl; charset=utf-8',
            'Content-Disposition': 'attachment; filename="acknowledgement-records.jsonl"',
            'Cache-Control': 'no-store',
          },
        });
      }
      return csvResponse(
        'acknowledgement-records.csv',
        ['name', 'email', 'user_id', 'page', 'file', 'version', 'text_hash', 'read_in', 'acknowledged_at'],
        records.map((record) => [
          record.name ?? '',
          record.email ?? '',
          record.userId,
          record.page,
          record.file,
          record.version,
          record.textHash,
          record.readIn ?? '',
          record.acknowledgedAt,
        ]),
      );
    },
  }),
});
