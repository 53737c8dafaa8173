/** The shapes of the acknowledgement routes' input and answers, shared by the API and the pages. */
import { z } from 'astro/zod';

export const PageUrl = z
  .string()
  .trim()
  .min(1, { error: 'write the page’s address, e.g. /policies/identity-verification/' })
  .max(500)
  .meta({ description: 'The page’s address, e.g. /policies/identity-verification/.' });

export const Version = z
  .string()
  .trim()
  .min(1, { error: 'write the version you read, as GET /api/me/acknowledgements gives it' })
  .max(100)
  .meta({ description: 'The version read: the page’s `version` front matter, else a hash of its text.' });

export const DueSchema = z
  .object({
    page: z.string(),
    title: z.string(),
    file: z.string(),
    version: z.string(),
    previous: z
      .object({ version: z.string(), acknowledgedAt: z.string() })
      .nullable()
      .meta({ description: 'The version I acknowledged before, when the page changed since.' }),
  })
  .meta({ id: 'DueAcknowledgement' });

export const AcknowledgementSchema = z
  .object({ page: z.string(), title: z.string(), version: z.string(), acknowledgedAt: z.string(), current: z.boolean() })
  .meta({ id: 'Acknowledgement' });

const DiffPartSchema = z.object({ type: z.enum(['same', 'added', 'removed']), text: z.string() });

export const ChangesSchema = z
  .object({
    page: z.string(),
    title: z.string(),
    from: z.object({ version: z.string(), acknowledgedAt: z.string().nullable() }),
    to: z.object({ version: z.string() }),
    changed: z.boolean(),
    blocks: z.array(
      z.union([
        z.object({ kind: z.literal('same'), text: z.string() }),
        z.object({ kind: z.literal('skipped'), lines: z.number().int() }),
        z.object({ kind: z.literal('changed'), parts: z.array(DiffPartSchema) }),
      ]),
    ),
  })
  .meta({ id: 'PolicyChanges', description: 'The page’s text, as Markdown, compared line by line and word by word.' });
