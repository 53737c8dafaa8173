/**
 * The private handbook (KNOWHOW_ACCESS=signed-in): nothing of it reaches a person who is not
 * signed in: pages, search files, search results, linked images and files alike. Only what
 * signing in needs stays open: the sign-in page, the sign-in API, who is signed in (nobody),
 * the health check and the site's own styles and scripts (which hold no handbook text).
 */
import type { AccessMode } from '../../kit/server/env.ts';

export type GateDecision = 'allow' | 'sign-in' | 'unauthorized';

const OPEN_PATHS = [
  /^\/sign-(in|up)\/?$/,
  /^\/api\/auth\//,
  /^\/api\/health\/?$/,
  /^\/api\/me\/?$/,
  // The MCP endpoint guards itself: keys, people and, on a private handbook, the 401 that points
  // assistants to the OAuth metadata (features/mcp).
  /^\/mcp\/?$/,
  /^\/_astro\/[\w.-]+\.(css|js)$/,
  /^\/favicon\.svg$/,
];

/**
 * Addresses served by the API router (server/http/api-routes.ts) rather than Astro's pages:
 * the JSON API and the MCP endpoint. One rule for the server, the request pipeline and the gate.
 */
export function isApiPath(pathname: string): boolean {
  return pathname.startsWith('/api/') || /^\/mcp\/?$/.test(pathname);
}

export function isOpenPath(pathname: string): boolean {
  return OPEN_PATHS.some((pattern) => pattern.test(pathname));
}

/** What to do with a request for `pathname` by someone signed in or not. */
export function gate(pathname: string, signedIn: boolean, mode: AccessMode): GateDecision {
  if (mode === 'public' || signedIn || isOpenPath(pathname)) return 'allow';
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
