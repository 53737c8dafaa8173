/**
 * Cross-site request forgery: a page on another site can make a browser send a form post, or a
 * body-less POST, with the person's cookies. Such requests are refused unless their Origin is
 * this site's. Requests with a JSON body pass, since a browser sends those cross-site only after
 * a CORS preflight that other origins fail. This is Astro's own origin check, answered in the
 * API's error shape, and aware of BETTER_AUTH_URL behind a proxy that ends TLS.
 *
 * The OAuth endpoints that an assistant's OAuth client calls itself (token, revocation,
 * introspection) take forms without an Origin, as OAuth clients send them: they act on the
 * client's own code, PKCE verifier or credentials, never on a person's cookies.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

const CLIENT_AUTHENTICATED = /^\/api\/auth\/oauth2\/(token|revoke|introspect)\/?$/;

export function isCrossSiteRequest(request: Request, ownOrigins: readonly string[], pathname = new URL(request.url).pathname): boolean {
  if (SAFE_METHODS.has(request.method) || CLIENT_AUTHENTICATED.test(pathname)) return false;
  const origin = request.headers.get('origin');
  if (origin && ownOrigins.includes(origin)) return false;
  const type = request.headers.get('content-type')?.toLowerCase();
  return type === undefined || FORM_TYPES.some((formType) => type.includes(formType));
}
