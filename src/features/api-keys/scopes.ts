/**
 * What an API key may do. A key is for a service, never a person: it reads the handbook
 * (`read`) or the reports about training, acknowledgements and reviews (`reports`), and never
 * reaches the admin, people or write routes, whatever its scopes.
 */
export const API_KEY_SCOPES = ['read', 'reports'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  read: 'search, pages, the Markdown copies and the MCP read tools, on a private handbook too',
  reports: 'the training, acknowledgement and review reports and their exports (CSV too)',
};

/** The service a request speaks for, once its key is known to be good. */
export interface ApiKeyCaller {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
}

/** Every Knowhow key starts so, which tells it apart from an OAuth access token and lets secret scanners find it. */
export const API_KEY_PREFIX = 'khk_';

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  return match?.[1];
}

export function isApiKeyToken(token: string | undefined): token is string {
  return token?.startsWith(API_KEY_PREFIX) === true;
}

export function hasScope(key: ApiKeyCaller, scope: ApiKeyScope): boolean {
  return key.scopes.includes(scope);
}
