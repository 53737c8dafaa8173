/**
 * GET /api/me: who is signed in, with their roles and what they may do. Static pages ask it to
 * show the person's name and sign-out in the header.
 */
import { z } from 'astro/zod';
import { defineApi, method } from '../../lib/server/api/route.ts';
import { UserSchema } from '../../lib/server/api/schemas.ts';
import { roleCan } from '../../lib/server/auth/access.ts';
import { requireUser } from '../../lib/server/auth/guards.ts';

export const prerender = false;

const MeSchema = z.object({
  user: UserSchema,
  can: z.object({
    manageUsers: z.boolean(),
    viewReports: z.boolean(),
    viewAuditLog: z.boolean(),
  }),
});

export const { GET, ALL, spec } = defineApi('/api/me', {
  GET: method({
    summary: 'Who am I',
    description: 'The signed-in person: name, email, permission role, job roles, team, owner handles, and what they may do.',
    tags: ['Accounts'],
    access: 'signed-in',
    allowPendingPasswordChange: true,
    responses: { 200: { description: 'The signed-in person.', schema: MeSchema } },
    // The session lookup read the whole person already (users/user-records.ts): no query here.
    handler: ({ user }) => {
      const me = requireUser(user);
      return {
        user: me,
        can: {
          manageUsers: roleCan(me.role, { user: ['update'] }),
          viewReports: roleCan(me.role, { report: ['view'] }),
          viewAuditLog: roleCan(me.role, { audit: ['view'] }),
        },
      };
    },
  }),
});
