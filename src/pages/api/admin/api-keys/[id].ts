/** DELETE /api/admin/api-keys/{id}: revoke a key; it stops working at once, on every server. */
import { ApiKeyParams, ApiKeySchema, KEY_ADMIN_TAGS, KEY_ADMINS } from '../../../../features/api-keys/index.ts';
import { revokeApiKey } from '../../../../features/api-keys/server.ts';
import { requireUser } from '../../../../features/accounts/server.ts';
import { defineApi, method } from '../../../../server/api/route.ts';

export const prerender = false;

export const { DELETE, ALL, spec } = defineApi('/api/admin/api-keys/{id}', {
  DELETE: method({
    summary: 'Revoke an API key',
    description: 'The key is kept, revoked, so that the audit log still names it. Revoking it again changes nothing.',
    tags: KEY_ADMIN_TAGS,
    access: KEY_ADMINS,
    params: ApiKeyParams,
    responses: { 200: { description: 'The key, revoked.', schema: ApiKeySchema } },
    handler: ({ app, user, params, clientAddress }) => {
      const admin = requireUser(user);
      return revokeApiKey(app, params.id, { actor: { id: admin.id, email: admin.email }, clientAddress });
    },
  }),
});
