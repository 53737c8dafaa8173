/** GET /api/me/acknowledgements: the pages I must acknowledge, and what I acknowledged. */
import { z } from 'astro/zod';
import { AcknowledgementSchema, DueSchema, ACKNOWLEDGEMENT_TAGS } from '../../../features/acknowledgements/index.ts';
import { acknowledgementDeps, myAcknowledgements } from '../../../features/acknowledgements/server.ts';
import { defineApi, method } from '../../../server/api/route.ts';
import { requireUser } from '../../../features/accounts/server.ts';

export const prerender = false;

export const { GET, ALL, spec } = defineApi('/api/me/acknowledgements', {
  GET: method({
    summary: 'My acknowledgements',
    description:
      'due: the pages whose current version I must acknowledge (my job roles are in their audience, or they have none), pages that changed since I acknowledged them first. acknowledged: every acknowledgement of mine, newest first.',
    tags: ACKNOWLEDGEMENT_TAGS,
    access: 'signed-in',
    responses: {
      200: {
        description: 'What I owe and what I signed.',
        schema: z.object({ due: z.array(DueSchema), acknowledged: z.array(AcknowledgementSchema) }),
      },
    },
    handler: async ({ app, user }) => myAcknowledgements(await acknowledgementDeps(app), requireUser(user)),
  }),
});
