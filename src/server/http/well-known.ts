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

export function metadataDocument(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: HEADERS });
}

export function notFoundDocument(): Response {
  return new Response(JSON.stringify({ error: 'not_found', error_description: 'No protected resource has this address.' }), {
    status: 404,
    headers: HEADERS,
  });
}
