/** DELETE /api/training/assignments/{id}: take an assignment back. */
import { z } from 'astro/zod';
import { TRAINERS, TRAINING_TAGS } from '../../../../features/training/index.ts';
import { defineApi, method } from '../../../../server/api/route.ts';
import { removeAssignment } from '../../../../features/training/server.ts';

export const prerender = false;

export const { DELETE, ALL, spec } = defineApi('/api/training/assignments/{id}', {
  DELETE: method({
    summary: 'Remove an assignment',
    description: 'What the people did stays on record; the module is no longer due for them through this assignment.',
    tags: TRAINING_TAGS,
    access: TRAINERS,
    params: z.object({ id: z.string().min(1).max(100) }),
    responses: { 204: { description: 'Removed.' } },
    handler: async ({ app, params }) => {
      await removeAssignment(app, params.id);
      return new Response(null, { status: 204 });
    },
  }),
});
