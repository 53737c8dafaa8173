/** Shapes every API route answers with: errors and paging. */
import { z } from 'astro/zod';
import { ERROR_STATUS } from '../../kit/server/errors.ts';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string().meta({ description: 'What went wrong and what to do, in plain words.' }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: 'Per-field messages, for INVALID_INPUT.' }),
    }),
  })
  .meta({ id: 'Error' });

/** A page of a list: `limit` items from `offset`. */
export const paging = {
  limit: z.coerce
    .number({ error: 'write a whole number from 1 to 200' })
    .int({ error: 'write a whole number from 1 to 200' })
    .min(1, { error: 'write a whole number from 1 to 200' })
    .max(200, { error: 'write a whole number from 1 to 200' })
    .default(50),
  offset: z.coerce
    .number({ error: 'write a whole number, 0 or more' })
    .int({ error: 'write a whole number, 0 or more' })
    .min(0, { error: 'write a whole number, 0 or more' })
    .default(0),
};
