/**
 * API keys for services: their scopes, how a request carries one, who may manage them, their shapes.
 *
 * What other parts of Knowhow may use of this feature's logic; it loads none of its server
 * side. They import it from here, never from its files.
 */
export { KEY_ADMIN_TAGS, KEY_ADMINS } from './access.ts';
export { ApiKeyParams, ApiKeySchema, CreatedApiKeySchema, NewApiKey } from './schemas.ts';
export type { ApiKeyRecord } from './schemas.ts';
export { API_KEY_PREFIX, API_KEY_SCOPES, SCOPE_DESCRIPTIONS, bearerToken, hasScope, isApiKeyToken } from './scopes.ts';
export type { ApiKeyCaller, ApiKeyScope } from './scopes.ts';
