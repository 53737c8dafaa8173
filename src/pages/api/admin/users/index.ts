/**
 * GET /api/admin/users: people, searched and filtered. POST: add a person; without a password
 * the answer carries a one-time password, shown this once, to be changed at the first sign-in.
 */
import { z } from 'astro/zod';
import { ADMIN_TAGS, ADMINS_ONLY } from '../../../../features/accounts/index.ts';
import {
  actorOf,
  assertKnownJobRoles,
  UserSchema,
  PERMISSION_ROLES,
  newUserSchema,
  createUser,
  listUsers,
} from '../../../../features/accounts/server.ts';
import { defineApi, method } from '../../../../server/api/route.ts';
import { paging } from '../../../../server/api/schemas.ts';

export const prerender = false;

const Query = z.object({
  q: z
    .string()
    .trim()
    .max(200, { error: 'keep the search under 200 characters' })
    .optional()
    .meta({ description: 'Part of a name or email.' }),
  role: z.enum(PERMISSION_ROLES, { error: `write one of ${PERMISSION_ROLES.join(', ')}` }).optional(),
  status: z.enum(['active', 'deactivated'], { error: 'write active or deactivated' }).optional(),
  jobRole: z.string().trim().min(1).optional(),
  team: z.string().trim().min(1).optional(),
  ...paging,
});

export const { GET, POST, ALL, spec } = defineApi('/api/admin/users', {
  GET: method({
    summary: 'List people',
    tags: ADMIN_TAGS,
    access: ADMINS_ONLY,
    query: Query,
    responses: {
      200: { description: 'One page of people, by name.', schema: z.object({ users: z.array(UserSchema), total: z.number().int() }) },
    },
    handler: ({ app, query }) => listUsers(app, { ...query, search: query.q }),
  }),
  POST: method({
    summary: 'Add a person',
    description: 'Job roles must be listed in knowhow.yaml. Without a password, a one-time password is made and answered once.',
    tags: ADMIN_TAGS,
    access: ADMINS_ONLY,
    body: newUserSchema([]),
    responses: {
      201: { description: 'Added.', schema: z.object({ user: UserSchema, oneTimePassword: z.string().optional() }) },
      409: { description: 'That email already has an account (CONFLICT).' },
    },
    handler: async ({ app, user, body, clientAddress }) => {
      await assertKnownJobRoles(app, body.jobRoles);
      return Response.json(await createUser(app, actorOf(user, clientAddress), body), {
        status: 201,
        headers: { 'Cache-Control': 'no-store' },
      });
    },
  }),
});
