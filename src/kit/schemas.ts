/** zod pieces that input of every feature shares. */
import { z } from 'astro/zod';

/** A calendar date as the API takes it, checked to exist. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'write a date as YYYY-MM-DD, e.g. 2026-12-01' })
  // zod runs the refinement even when the pattern failed: "soon" must not reach toISOString().
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    },
    { error: 'write a date that exists, as YYYY-MM-DD' },
  );
