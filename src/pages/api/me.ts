/**
 * GET /api/me: who is signed in, with their roles and what they may do. Static pages ask it to
 * show the person's name and sign-out in the header. Nobody signed in is an answer too
 * (`user: null`), not an error: every anonymous page load asks, and a 401 there was an error in
 * every visitor's browser console. It says nothing about the handbook, so a private one answers
 * it too.
 */
import { z } from 'astro/zod';
import { acknowledgementDeps, dueCount } from '../../features/acknowledgements/server.ts';
import { defineApi, method } from '../../server/api/route.ts';
import { UserSchema, roleCan } from '../../features/accounts/server.ts';

export const prerender = false;

const MeSchema = z.object({
  user: UserSchema.nullable().meta({ description: 'The signed-in person; null when nobody is signed in.' }),
  can: z.object({
    manageUsers: z.boolean(),
    viewReports: z.boolean(),
    viewAuditLog: z.boolean(),
  }),
  acknowledgementsDue: z.number().int().meta({ description: 'How many pages I still have to acknowledge (GET /api/me/acknowledgements).' }),
});

export const { GET, ALL, spec } = defineApi('/api/me', {
  GET: method({
    summary: 'Who am I',
    description:
      'The signed-in person: name, email, permission role, job roles, team, owner handles, what they may do, and how many pages they still have to acknowledge. Without a session: `user` is null and nothing may be done.',
    tags: ['Accounts'],
    access: 'public',
    allowPendingPasswordChange: true,
    responses: { 200: { description: 'The signed-in person.', schema: MeSchema } },
    // The session lookup read the whole person already (users/user-records.ts); the count is one indexed query.
    handler: async ({ app, user: me }) => {
      if (!me) return { user: null, can: { manageUsers: false, viewReports: false, viewAuditLog: false }, acknowledgementsDue: 0 };
      return {
        user: me,
        can: {
          manageUsers: roleCan(me.role, { user: ['update'] }),
          viewReports: roleCan(me.role, { report: ['view'] }),
          viewAuditLog: roleCan(me.role, { audit: ['view'] }),
        },
        acknowledgementsDue: await dueCount(await acknowledgementDeps(app), me),
      };
    },
  }),
});
