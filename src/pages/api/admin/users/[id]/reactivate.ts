/** POST /api/admin/users/{id}/reactivate: the person may sign in again. */
import { ADMIN_TAGS, ADMINS_ONLY } from '../../../../../features/accounts/index.ts';
import { actorOf, UserParams, UserSchema, reactivateUser } from '../../../../../features/accounts/server.ts';
import { defineApi, method } from '../../../../../server/api/route.ts';

export const prerender = false;

export const { POST, ALL, spec } = defineApi('/api/admin/users/{id}/reactivate', {
  POST: method({
    summary: 'Reactivate a person',
    tags: ADMIN_TAGS,
    access: ADMINS_ONLY,
    params: UserParams,
    responses: { 200: { description: 'The person, active again.', schema: UserSchema } },
    handler: ({ app, user, params, clientAddress }) => reactivateUser(app, actorOf(user, clientAddress), params.id),
  }),
});
