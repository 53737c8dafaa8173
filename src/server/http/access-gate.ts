/**
 * The private handbook (KNOWHOW_ACCESS=signed-in): nothing of it reaches a person who is not
 * signed in: pages, search files, search results, linked images and files alike. Only what
 * signing in needs stays open: the sign-in page, the sign-in API, who is signed in (nobody),
 * the health check and the site's own styles and scripts (which hold no handbook text), the
 * OAuth discovery documents an assistant reads before its person signs in, and the helpdesk
 * sidebar's page (/embed/), which holds no handbook text either and, in a frame, explains signing
 * in rather than being sent to the sign-in page (its searches need a session like any other).
 */
import type { ApiKeyCaller } from '../../features/api-keys/index.ts';
import { hasScope } from '../../features/api-keys/index.ts';
import type { AccessMode } from '../../kit/server/env.ts';

export type GateDecision = 'allow' | 'sign-in' | 'unauthorized' | 'forbidden';

/** Who asks: a signed-in person, nobody, or a service's API key. */
export type Reader = 'person' | 'anonymous' | { key: ApiKeyCaller };

const OPEN_PATHS = [
  /^\/sign-(in|up)\/?$/,
  /^\/api\/auth\//,
  /^\/api\/health\/?$/,
  /^\/api\/me\/?$/,
  /^\/\.well-known\/(oauth-protected-resource(\/.*)?|oauth-authorization-server|openid-configuration)$/,
  // The MCP endpoint guards itself: keys, people and, on a private handbook, the 401 that points
  // assistants to the OAuth metadata (features/mcp).
  /^\/mcp\/?$/,
  /^\/_astro\/[\w.-]+\.(css|js)$/,
  /^\/favicon\.svg$/,
  /^\/embed\/?$/,
];

/**
 * Addresses served by the API router (server/http/api-routes.ts) rather than Astro's pages:
 * the JSON API and the MCP endpoint. One rule for the server, the request pipeline and the gate.
 */
export function isApiPath(pathname: string): boolean {
  return pathname.startsWith('/api/') || isMcpPath(pathname);
}

/** The MCP endpoint for AI assistants (features/mcp). */
export function isMcpPath(pathname: string): boolean {
  return /^\/mcp\/?$/.test(pathname);
}

export function isOpenPath(pathname: string): boolean {
  return OPEN_PATHS.some((pattern) => pattern.test(pathname));
}

/**
 * What to do with a request for `pathname`. A key reads a private handbook with the `read`
 * scope; its API routes check their own scopes (api/route.ts), so a `reports` key passes here
 * to reach them, and is refused the handbook's pages and files.
 */
export function gate(pathname: string, reader: Reader, mode: AccessMode): GateDecision {
  if (mode === 'public' || reader === 'person' || isOpenPath(pathname)) return 'allow';
  if (typeof reader === 'object') {
    return hasScope(reader.key, 'read') || isApiPath(pathname) ? 'allow' : 'forbidden';
  }
  // People are sent to sign in and back; programs and files get a plain 401.
  return isPageAddress(pathname) ? 'sign-in' : 'unauthorized';
}

/** Pages live at folder addresses (/policies/refunds/) or at .html files. */
export function isPageAddress(pathname: string): boolean {
  if (isApiPath(pathname) || pathname.startsWith('/pagefind/')) return false;
  const last = pathname.split('/').pop() ?? '';
  return !last.includes('.') || last.endsWith('.html');
}

/** The sign-in page's address that comes back to a path afterwards: one rule with the browser (features/accounts/return-address.ts). */
