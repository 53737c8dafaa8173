/** POST /api/admin/users/{id}/password: reset a person's password; their sessions end. */
import { z } from 'astro/zod';
import { ADMIN_TAGS, ADMINS_ONLY } from '../../../../../features/accounts/index.ts';
import { actorOf, UserParams, passwordSchema, resetPassword } from '../../../../../features/accounts/server.ts';
import { defineApi, method } from '../../../../../server/api/route.ts';

export const prerender = false;

export const { POST, ALL, spec } = defineApi('/api/admin/users/{id}/password', {
  POST: method({
    summary: 'Reset a person’s password',
    description:
      'With a password, sets it. Without one, makes a one-time password, answered once, which the person must change at their next sign-in. Either way their sessions end.',
    tags: ADMIN_TAGS,
    access: ADMINS_ONLY,
    params: UserParams,
    body: z.strictObject({ password: passwordSchema.optional() }),
    responses: { 200: { description: 'Reset.', schema: z.object({ oneTimePassword: z.string().optional() }) } },
    handler: ({ app, user, params, body, clientAddress }) => resetPassword(app, actorOf(user, clientAddress), params.id, body.password),
  }),
});
