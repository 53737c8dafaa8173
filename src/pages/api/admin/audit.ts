/** GET /api/admin/audit: the security events, newest first, a page at a time. */
import { z } from 'astro/zod';
import { ADMIN_TAGS, AUDITORS_ONLY } from '../../../features/accounts/index.ts';
import { defineApi, method } from '../../../server/api/route.ts';
import { AuditEventSchema, AUDIT_EVENT_TYPES } from '../../../features/accounts/server.ts';
import { paging } from '../../../server/api/schemas.ts';

export const prerender = false;

const Query = z.object({
  type: z.enum(AUDIT_EVENT_TYPES, { error: `write one of ${AUDIT_EVENT_TYPES.join(', ')}` }).optional(),
  person: z.string().trim().min(1).max(254).optional().meta({ description: 'Events by or about this person (part of an email).' }),
  before: z.coerce
    .number({ error: 'write the id from the last answer’s next' })
    .int()
    .positive()
    .optional()
    .meta({ description: 'The next page: the `next` of the last answer.' }),
  limit: paging.limit,
});

export const { GET, ALL, spec } = defineApi('/api/admin/audit', {
  GET: method({
    summary: 'The audit log',
    description: 'Sign-ins, failed sign-ins, people added, roles changed, deactivations and password resets, newest first. Append-only.',
    tags: ADMIN_TAGS,
    access: AUDITORS_ONLY,
    query: Query,
    responses: {
      200: {
        description: 'One page of events; `next` asks for the following page.',
        schema: z.object({ events: z.array(AuditEventSchema), next: z.number().int().optional() }),
      },
    },
    handler: ({ app, query }) => app.audit.list(query),
  }),
});
