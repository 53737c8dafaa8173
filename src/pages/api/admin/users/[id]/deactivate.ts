/** POST /api/admin/users/{id}/deactivate: the person can no longer sign in, and their sessions end at once. */
import { ADMIN_TAGS, ADMINS_ONLY } from '../../../../../features/accounts/index.ts';
import { actorOf, UserParams, UserSchema, deactivateUser } from '../../../../../features/accounts/server.ts';
import { defineApi, method } from '../../../../../server/api/route.ts';

export const prerender = false;

export const { POST, ALL, spec } = defineApi('/api/admin/users/{id}/deactivate', {
  POST: method({
    summary: 'Deactivate a person',
    description: 'Their sessions end at once. Not yourself, and not the last active admin (409 LAST_ADMIN).',
    tags: ADMIN_TAGS,
    access: ADMINS_ONLY,
    params: UserParams,
    responses: { 200: { description: 'The person, deactivated.', schema: UserSchema } },
    handler: ({ app, user, params, clientAddress }) => deactivateUser(app, actorOf(user, clientAddress), params.id),
  }),
});
