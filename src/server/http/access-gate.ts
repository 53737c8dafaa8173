/**
 * The private handbook (KNOWHOW_ACCESS=signed-in): nothing of it reaches a person who is not
 * signed in: pages, search files, search results, linked images and files alike. Only what
 * signing in needs stays open: the sign-in page, the sign-in API, who is signed in (nobody),
 * the health check and the site's own styles and scripts (which hold no handbook text), and
 * the OAuth discovery documents an assistant reads before its person signs in.
 */
import type { AccessMode } from '../../kit/server/env.ts';

export type GateDecision = 'allow' | 'sign-in' | 'unauthorized';

const OPEN_PATHS = [
  /^\/sign-(in|up)\/?$/,
  /^\/api\/auth\//,
  /^\/api\/health\/?$/,
  /^\/api\/me\/?$/,
  /^\/\.well-known\/(oauth-protected-resource(\/.*)?|oauth-authorization-server|openid-configuration)$/,
  /^\/_astro\/[\w.-]+\.(css|js)$/,
  /^\/favicon\.svg$/,
];

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
  if (pathname.startsWith('/api/') || pathname.startsWith('/pagefind/')) return false;
  const last = pathname.split('/').pop() ?? '';
  return !last.includes('.') || last.endsWith('.html');
}

/** The sign-in page's address that comes back to a path afterwards: one rule with the browser (features/accounts/return-address.ts). */
