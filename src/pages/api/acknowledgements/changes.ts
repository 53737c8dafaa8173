/** GET /api/acknowledgements/changes?page=&from=: what changed in a page since the version I acknowledged. */
import { z } from 'astro/zod';
import { ACKNOWLEDGEMENT_TAGS, acknowledgementDeps, ChangesSchema, PageUrl, Version } from '../../../lib/server/api/acknowledgements.ts';
import { defineApi, method } from '../../../lib/server/api/route.ts';
import { policyChanges } from '../../../lib/server/acknowledgements/acknowledgements.ts';
import { requireUser } from '../../../lib/server/auth/guards.ts';

export const prerender = false;

export const { GET, ALL, spec } = defineApi('/api/acknowledgements/changes', {
  GET: method({
    summary: 'What changed since I acknowledged',
    description:
      'The page’s text at version `from` (by default the last version I acknowledged; the exact wording I signed) against its current text, as blocks of unchanged lines and changed passages compared word by word. 404 when I never acknowledged the page and give no `from`, or when that version’s text was never kept.',
    tags: ACKNOWLEDGEMENT_TAGS,
    access: 'signed-in',
    query: z.object({ page: PageUrl, from: Version.optional() }),
    responses: { 200: { description: 'The changes.', schema: ChangesSchema }, 404: { description: 'Nothing to compare with.' } },
    handler: async ({ app, user, query }) => policyChanges(await acknowledgementDeps(app), requireUser(user), query.page, query.from),
  }),
});
