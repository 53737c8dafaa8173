/** POST /api/acknowledgements: "I have read and understood this", for the current version of a page. */
import { z } from 'astro/zod';
import { ACKNOWLEDGEMENT_TAGS, PageUrl, Version } from '../../../features/acknowledgements/index.ts';
import { acknowledgementDeps, acknowledge } from '../../../features/acknowledgements/server.ts';
import { defineApi, method } from '../../../server/api/route.ts';
import { requireUser } from '../../../features/accounts/server.ts';

export const prerender = false;

const RecordSchema = z.object({
  page: z.string(),
  title: z.string(),
  file: z.string(),
  version: z.string(),
  readIn: z.string().nullable().meta({ description: 'The language of the translation that was read; null for the original.' }),
  acknowledgedAt: z.string(),
});

export const { POST, ALL, spec } = defineApi('/api/acknowledgements', {
  POST: method({
    summary: 'Acknowledge a page',
    description:
      'Records that I read and understood the current version of a page with acknowledge: true. 201 the first time, 200 with the earlier record when this version was acknowledged already. Anyone signed in may acknowledge a page; only its audience is asked to. `page` may be the address of a translation: acknowledging a current translation records the version of the original (with the language read); 409 TRANSLATION_STALE for a translation made from an earlier version of the original, whose reader must read the original. 409 VERSION_CHANGED when the version is not the current one; 400 BAD_REQUEST for a page that asks for no acknowledgement; 404 for no such page.',
    tags: ACKNOWLEDGEMENT_TAGS,
    access: 'signed-in',
    body: z.strictObject({ page: PageUrl, version: Version }),
    responses: {
      200: { description: 'Acknowledged before: the earlier record.', schema: RecordSchema },
      201: { description: 'Acknowledged.', schema: RecordSchema },
      404: { description: 'No such page.' },
      409: { description: 'Not the current version (VERSION_CHANGED), or a stale translation (TRANSLATION_STALE).' },
    },
    handler: async ({ app, user, body }) => {
      const result = await acknowledge(await acknowledgementDeps(app), requireUser(user), body);
      return Response.json(result.acknowledgement, { status: result.created ? 201 : 200, headers: { 'Cache-Control': 'no-store' } });
    },
  }),
});
