/**
 * Cross-origin access to the API for the sites listed in KNOWHOW_CORS_ORIGINS (comma-separated,
 * e.g. https://helpdesk.example.com,https://chat.example.com). Others get no CORS headers, so
 * browsers keep their pages from reading the answers. No credentials: a cross-origin page never
 * acts with the session of the person looking at it.
 */
export function corsHeaders(origin: string | null, allowed: readonly string[]): Record<string, string> {
  if (!origin || !allowed.includes(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}
