/**
 * The discovery documents under /.well-known/: public JSON that any site's scripts may read
 * (an assistant running in a browser discovers the authorization server with it), kept briefly
 * in caches.
 */
const HEADERS = {
  'Content-Type': 'application/json',
  'Cache-Control': 'public, max-age=300',
  'Access-Control-Allow-Origin': '*',
};

/** Endpoints better-auth lists that Knowhow does not serve: a client must not be sent to an address that answers 404. */
const NOT_SERVED = [
  'end_session_endpoint',
  'backchannel_logout_supported',
  'backchannel_logout_session_supported',
  'frontchannel_logout_supported',
  'frontchannel_logout_session_supported',
];

/** An authorization server's metadata without what Knowhow does not serve. */
export function servedOnly(metadata: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(metadata).filter(([name]) => !NOT_SERVED.includes(name)));
}

export function metadataDocument(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: HEADERS });
}

export function notFoundDocument(): Response {
  return new Response(JSON.stringify({ error: 'not_found', error_description: 'No protected resource has this address.' }), {
    status: 404,
    headers: HEADERS,
  });
}
