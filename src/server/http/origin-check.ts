/**
 * Cross-site request forgery: a page on another site can make a browser send a form post, or a
 * body-less POST, with the person's cookies. Such requests are refused unless their Origin is
 * this site's. Requests with a JSON body pass, since a browser sends those cross-site only after
 * a CORS preflight that other origins fail. This is Astro's own origin check, answered in the
 * API's error shape, and aware of BETTER_AUTH_URL behind a proxy that ends TLS.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export function isCrossSiteRequest(request: Request, ownOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin && ownOrigins.includes(origin)) return false;
  const type = request.headers.get('content-type')?.toLowerCase();
  return type === undefined || FORM_TYPES.some((formType) => type.includes(formType));
}
