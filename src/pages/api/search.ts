/**
 * GET /api/search?q=<text>&limit=<1..50>&lang=<code>&type=<type>: search for helpdesk sidebars,
 * chat bots and browser extensions. Public, like the pages it searches: every client is
 * rate-limited, and only the origins in KNOWHOW_CORS_ORIGINS may read answers from a browser.
 */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { PAGE_TYPES } from '../../lib/content/frontmatter.ts';
import { MAX_QUERY_LENGTH } from '../../lib/search/query.ts';
import { allowedOrigins, corsHeaders } from '../../lib/server/cors.ts';
import { errorResponse } from '../../lib/server/errors.ts';
import { readManifest } from '../../lib/server/manifest.ts';
import { createRateLimiter } from '../../lib/server/rate-limit.ts';
import { searcherFor } from '../../lib/server/search-service.ts';
import { getSite } from '../../site/get-site.ts';

export const prerender = false;

const Query = z.object({
  q: z
    .string({ error: 'add the question to search for, e.g. ?q=refund after 30 days' })
    .trim()
    .min(1, { error: 'add the question to search for, e.g. ?q=refund after 30 days' })
    .max(MAX_QUERY_LENGTH, { error: `keep the question under ${MAX_QUERY_LENGTH} characters` }),
  limit: z.coerce
    .number({ error: 'write a whole number from 1 to 50' })
    .int({ error: 'write a whole number from 1 to 50' })
    .min(1, { error: 'write a whole number from 1 to 50' })
    .max(50, { error: 'write a whole number from 1 to 50' })
    .default(10),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { error: 'write a language code, e.g. en or de' })
    .optional(),
  type: z.enum(PAGE_TYPES, { error: `write one of ${PAGE_TYPES.join(', ')}` }).optional(),
});

const limiter = createRateLimiter({
  limit: Number(process.env.KNOWHOW_SEARCH_RATE_LIMIT ?? 120),
  windowMs: 60_000,
});

export const OPTIONS: APIRoute = ({ request }) => {
  const headers = corsHeaders(request.headers.get('origin'), allowedOrigins());
  return new Response(null, { status: Object.keys(headers).length > 0 ? 204 : 403, headers });
};

export const GET: APIRoute = async ({ request, url, clientAddress }) => {
  const started = performance.now();
  const cors = corsHeaders(request.headers.get('origin'), allowedOrigins());
  const { allowed, retryAfterSeconds } = limiter.take(clientAddress);
  if (!allowed) {
    return errorResponse('RATE_LIMITED', `Too many searches from this address; try again in ${retryAfterSeconds} s.`, {
      headers: { ...cors, 'Retry-After': String(retryAfterSeconds) },
    });
  }
  const parsed = Query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    return errorResponse('INVALID_INPUT', 'The search request is not valid; see fields.', { fields, headers: cors });
  }
  const { q, limit, lang, type } = parsed.data;
  const manifest = await readManifest(getSite);
  const searcher = searcherFor(lang ?? manifest.settings.site.lang, manifest.settings);
  if (!searcher) {
    return errorResponse(
      'SEARCH_UNAVAILABLE',
      'There is no search index for this language; it is made by `npm run build` (the dev server has none).',
      {
        headers: cors,
      },
    );
  }
  const results = searcher.search(q, { limit, type });
  const tookMs = Math.round((performance.now() - started) * 100) / 100;
  return Response.json({ query: q, results, tookMs }, { headers: { ...cors, 'Cache-Control': 'no-store' } });
};
