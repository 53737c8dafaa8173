/** POST /api/admin/users/{id}/reactivate: the person may sign in again. */
import { ADMIN_TAGS, ADMINS_ONLY, actorOf, UserParams } from '../../../../../lib/server/api/admin.ts';
import { defineApi, method } from '../../../../../lib/server/api/route.ts';
import { UserSchema } from '../../../../../lib/server/api/schemas.ts';
import { reactivateUser } from '../../../../../lib/server/users/users.ts';

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
