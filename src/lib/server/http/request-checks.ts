/**
 * Requests refused before Astro sees them. Astro's Node adapter builds the request's URL from
 * the raw Host header: `Host: user@evil` made every on-demand route answer 500, and an empty
 * Host routed by the path's first segment. A path with broken percent-encoding cannot name a
 * page or a file.
 */
import type { IncomingMessage } from 'node:http';

/** A host name, an IPv4 address or a bracketed IPv6 address, with an optional port. */
const VALID_HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::\d{1,5})?$/;

/** Why `request` cannot be served, in words for the client, or undefined when it is fine. */
export function malformedRequestReason(request: IncomingMessage): string | undefined {
  const host = request.headers.host;
  if (!host) return 'The request has no Host header.';
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
