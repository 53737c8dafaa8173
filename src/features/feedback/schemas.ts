/** The answer to "Was this page helpful?" as the API and the form post send it. */
import { z } from 'astro/zod';
import { MAX_COMMENT_LENGTH } from './server/feedback.ts';

export const FeedbackBody = z.object({
  page: z
    .string({ error: 'send the page’s address, e.g. /policies/refunds/' })
    .max(500, { error: 'keep the address under 500 characters' })
    .regex(/^\//, { error: 'send the page’s address, e.g. /policies/refunds/' }),
  helpful: z.boolean({ error: 'send true (helpful) or false (not helpful)' }),
  comment: z
    .string()
    .max(MAX_COMMENT_LENGTH, { error: `keep the comment under ${MAX_COMMENT_LENGTH} characters` })
    .optional()
    .meta({ description: 'What the page should say or do better; optional.' }),
  id: z.string().max(64).optional().meta({ description: 'The id an earlier answer got: adds the comment to it (within an hour).' }),
});

export type FeedbackBodyInput = z.infer<typeof FeedbackBody>;

/** The periods the search-gap and feedback reports look back over, in days. */
export const REPORT_PERIODS = [7, 30, 90, 365];

/** The period asked for in `?days=`, if it is one of REPORT_PERIODS; else 30 days. */
export function reportPeriod(params: URLSearchParams): number {
  const requested = Number(params.get('days'));
  return REPORT_PERIODS.includes(requested) ? requested : 30;
}
