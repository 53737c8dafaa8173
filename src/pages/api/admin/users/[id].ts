/** GET /api/admin/users/{id}: one person. PATCH: change their name, role, job roles, team or owner handles. */
import { ADMIN_TAGS, ADMINS_ONLY } from '../../../../features/accounts/index.ts';
import {
  actorOf,
  assertKnownJobRoles,
  UserParams,
  UserSchema,
  userChangesSchema,
  getUser,
  updateUser,
} from '../../../../features/accounts/server.ts';
import { defineApi, method } from '../../../../server/api/route.ts';

export const prerender = false;

export const { GET, PATCH, ALL, spec } = defineApi('/api/admin/users/{id}', {
  GET: method({
    summary: 'One person',
    tags: ADMIN_TAGS,
    access: ADMINS_ONLY,
    params: UserParams,
    responses: { 200: { description: 'The person.', schema: UserSchema } },
    handler: ({ app, params }) => getUser(app, params.id),
  }),
  PATCH: method({
    summary: 'Change a person',
    description:
      'Send only what changes. Job roles kept keep the day they were given. The last active admin cannot be demoted (409 LAST_ADMIN).',
    tags: ADMIN_TAGS,
    access: ADMINS_ONLY,
    params: UserParams,
    body: userChangesSchema([]),
    responses: { 200: { description: 'The person, changed.', schema: UserSchema } },
    handler: async ({ app, user, params, body, clientAddress }) => {
      await assertKnownJobRoles(app, body.jobRoles);
      return updateUser(app, actorOf(user, clientAddress), params.id, body);
    },
  }),
});
