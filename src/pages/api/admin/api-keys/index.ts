/** GET /api/admin/api-keys: every key, never its secret. POST: a new key, shown this once. */
import { z } from 'astro/zod';
import { ApiKeySchema, CreatedApiKeySchema, KEY_ADMIN_TAGS, KEY_ADMINS, NewApiKey } from '../../../../features/api-keys/index.ts';
import { createApiKey, listApiKeys } from '../../../../features/api-keys/server.ts';
import { requireUser } from '../../../../features/accounts/server.ts';
import { defineApi, method } from '../../../../server/api/route.ts';

export const prerender = false;

export const { GET, POST, ALL, spec } = defineApi('/api/admin/api-keys', {
  GET: method({
    summary: 'List API keys',
    description: 'Name, scopes, when made and by whom, last use (to the minute), expiry and status; never the key.',
    tags: KEY_ADMIN_TAGS,
    access: KEY_ADMINS,
    responses: { 200: { description: 'The keys, newest first.', schema: z.object({ keys: z.array(ApiKeySchema) }) } },
    handler: async ({ app }) => ({ keys: await listApiKeys(app) }),
  }),
  POST: method({
    summary: 'Make an API key',
    description:
      'For a service: a helpdesk sidebar, a chat bot, an HR system. The answer holds the key, this once; Knowhow keeps only its SHA-256 hash. In the audit log.',
    tags: KEY_ADMIN_TAGS,
    access: KEY_ADMINS,
    body: NewApiKey,
    responses: { 201: { description: 'The key, with its secret.', schema: CreatedApiKeySchema } },
    handler: async ({ app, user, body, clientAddress }) => {
      const admin = requireUser(user);
      const key = await createApiKey(app, body, { actor: { id: admin.id, email: admin.email }, clientAddress });
      return Response.json(key, { status: 201, headers: { 'Cache-Control': 'no-store' } });
    },
  }),
});
