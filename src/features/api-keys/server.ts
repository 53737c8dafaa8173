/**
 * API keys on the server: made, listed, revoked, and looked up for each request that carries one.
 *
 * What the server, its pages and the command line may use of this feature's server side. They
 * import it from here, never from its files.
 */
export { createApiKey, hashApiKey, listApiKeys, resolveApiKey, revokeApiKey } from './server/api-keys.ts';
export type { ApiKeyDeps, KeyActor, ResolvedApiKey } from './server/api-keys.ts';
