/**
 * Requests refused before Astro sees them. Astro's Node adapter builds the request's URL from
 * the raw Host header: `Host: user@evil` made every on-demand route answer 500, and an empty
 * Host routed by the path's first segment. A path with broken percent-encoding cannot name a
 * page or a file. A method outside the few the site answers (TRACE, CONNECT, PROPFIND...) is
 * refused here: the Web Request that Astro and the API take cannot even be made for some of
 * them, and that once stopped the whole process.
 */
import type { IncomingMessage } from 'node:http';

/** A host name, an IPv4 address or a bracketed IPv6 address, with an optional port. */
const VALID_HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::\d{1,5})?$/;

/** Every method some page, file or API route answers; the routes answer 405 for the ones they do not take. */
export const SUPPORTED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const SUPPORTED = new Set<string>(SUPPORTED_METHODS);

export type RequestProblem =
  | { status: 400; code: 'BAD_REQUEST'; message: string }
  | { status: 421; code: 'MISDIRECTED_REQUEST'; message: string }
  | { status: 501; code: 'NOT_IMPLEMENTED'; message: string };

/** Why `request` cannot be served, or undefined when it is fine. */
export function malformedRequestReason(request: IncomingMessage): string | undefined {
  const host = request.headers.host;
  if (!host) return 'The request has no Host header.';
  // Node keeps the first of two Host headers; a proxy in front may have routed by the second.
  if (request.rawHeaders.filter((_, index) => index % 2 === 0 && /^host$/i.test(request.rawHeaders[index] as string)).length > 1)
    return 'The request has more than one Host header.';
  if (!VALID_HOST.test(host)) return 'The Host header is not a valid host name.';
  const url = request.url ?? '';
  if (!url.startsWith('/')) return 'The request target must be a path.';
  try {
    decodeURIComponent(url.split('?')[0] as string);
  } catch {
    return 'The address has broken percent-encoding (a % must be followed by two hex digits).';
  }
  return undefined;
}

/**
 * Every check before routing, in order: a method the site answers, a well-formed request, and
 * (when `allowedHosts` is given, as in production) a Host the site is configured for. A request
 * for another host is a DNS-rebinding page, a misrouted proxy or a scan: 421, answered before it
 * can read anything. The health check answers any host, as load balancers probe by address.
 */
export function requestProblem(request: IncomingMessage, allowedHosts: ReadonlySet<string> | undefined): RequestProblem | undefined {
  const method = request.method ?? '';
  if (!SUPPORTED.has(method)) {
    return {
      status: 501,
      code: 'NOT_IMPLEMENTED',
      message: `${method.slice(0, 20)} is not a method this site answers; use ${SUPPORTED_METHODS.join(', ')}.`,
    };
  }
  const malformed = malformedRequestReason(request);
  if (malformed) return { status: 400, code: 'BAD_REQUEST', message: malformed };
  const host = (request.headers.host as string).toLowerCase();
  if (allowedHosts && !allowedHosts.has(host) && !/^\/api\/health\/?(\?|$)/.test(request.url ?? '')) {
    return { status: 421, code: 'MISDIRECTED_REQUEST', message: `This server does not answer for ${host}; open ${[...allowedHosts][0]}.` };
  }
  return undefined;
}

/**
 * The Host values a production server answers: its own address's (BETTER_AUTH_URL) and those
 * KNOWHOW_ALLOWED_HOSTS adds. Undefined (any host) outside production, where people open
 * localhost, 127.0.0.1 or the machine's name alike.
 */
export function allowedHostsOf(env: {
  production: boolean;
  baseUrl?: string | undefined;
  allowedHosts: readonly string[];
}): Set<string> | undefined {
  if (!env.production || !env.baseUrl) return undefined;
  return new Set([new URL(env.baseUrl).host.toLowerCase(), ...env.allowedHosts]);
}
