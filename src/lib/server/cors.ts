/**
 * Cross-origin access to the API for the sites listed in KNOWHOW_CORS_ORIGINS (comma-separated,
 * e.g. https://helpdesk.example.com,https://chat.example.com). Others get no CORS headers, so
 * browsers keep their pages from reading the answers.
 */
export function allowedOrigins(env: Record<string, string | undefined> = process.env): string[] {
  return (env.KNOWHOW_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

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
