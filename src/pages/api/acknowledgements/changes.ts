/** GET /api/acknowledgements/changes?page=&from=: what changed in a page since the version I acknowledged. */
import { z } from 'astro/zod';
import { ACKNOWLEDGEMENT_TAGS, ChangesSchema, PageUrl, Version } from '../../../features/acknowledgements/index.ts';
import { acknowledgementDeps, policyChanges } from '../../../features/acknowledgements/server.ts';
import { defineApi, method } from '../../../server/api/route.ts';
import { requireUser } from '../../../features/accounts/server.ts';

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
