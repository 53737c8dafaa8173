/**
 * GET /api/search?q=<text>&limit=<1..50>&lang=<code|all>&type=<type>: search for helpdesk sidebars,
 * chat bots and browser extensions. Readable like the pages it searches (anyone on a public
 * handbook, signed-in people and keys with the read scope on a private one); every client is
 * rate-limited, with the same limiter as the search results page (a key, per key), and only
 * the origins in KNOWHOW_CORS_ORIGINS may read answers from a browser (src/middleware.ts adds
 * the CORS headers). A question that finds
 * nothing is counted as a search gap, after the answer is on its way and with no identity.
 */
import { z } from 'astro/zod';
import { PAGE_TYPES } from '../../features/content/index.ts';
import { MAX_QUERY_LENGTH } from '../../features/search/index.ts';
import { defineApi, method } from '../../server/api/route.ts';
import { corsHeaders } from '../../kit/server/cors.ts';
import { ApiError } from '../../kit/server/errors.ts';
import { searchGapDeps, countUnanswered } from '../../features/feedback/server.ts';
import { searchAllLanguages, searcherFor } from '../../features/search/server.ts';

export const prerender = false;

const QUESTION_HINT = 'add the question to search for, e.g. ?q=refund after 30 days';
const LIMIT_HINT = 'write a whole number from 1 to 50';

const Query = z.object({
  q: z
    .string({ error: QUESTION_HINT })
    .trim()
    .min(1, { error: QUESTION_HINT })
    .max(MAX_QUERY_LENGTH, { error: `keep the question under ${MAX_QUERY_LENGTH} characters` }),
  limit: z.coerce
    .number({ error: LIMIT_HINT })
    .int({ error: LIMIT_HINT })
    .min(1, { error: LIMIT_HINT })
    .max(50, { error: LIMIT_HINT })
    .default(10),
  lang: z
    .string()
    .regex(/^(all|[a-z]{2,3}(-[A-Za-z]{2,4})?)$/, { error: 'write a language code, e.g. en or de, or all to search every language' })
    .optional()
    .meta({
      description:
        "The language whose pages to search, with its stemming and stop words (default: the handbook's). `all` searches every language, each in its own words, and merges the results by score; at equal score the caller's language comes first (a signed-in caller's chosen language, else the handbook's).",
    }),
  type: z.enum(PAGE_TYPES, { error: `write one of ${PAGE_TYPES.join(', ')}` }).optional(),
});

const SearchAnswer = z.object({
  query: z.string(),
  tookMs: z.number(),
  results: z.array(
    z.object({
      title: z.string(),
      url: z.string(),
      anchor: z.string(),
      summary: z.string(),
      snippet: z.string(),
      type: z.string(),
      section: z.string(),
      status: z.string().meta({ description: 'current or overdue: whether the page is past its review date today.' }),
      score: z.number(),
      lang: z.string().meta({ description: 'The language of the page, e.g. de.' }),
    }),
  ),
});

export const { GET, OPTIONS, ALL, spec } = defineApi('/api/search', {
  OPTIONS: method({
    summary: 'CORS preflight for the origins in KNOWHOW_CORS_ORIGINS',
    tags: ['Search'],
    access: 'public',
    responses: { 204: { description: 'The origin may call the API.' }, 403: { description: 'It may not.' } },
    handler: ({ app, request }) => {
      const headers = corsHeaders(request.headers.get('origin'), app.env.corsOrigins);
      return new Response(null, { status: Object.keys(headers).length > 0 ? 204 : 403, headers });
    },
  }),
  GET: method({
    summary: 'Search the handbook',
    description:
      'Questions, not keywords: no word is required, typos are corrected, synonyms count. Rate-limited per client (429 with Retry-After).',
    tags: ['Search'],
    access: 'handbook',
    keyScope: 'read',
    query: Query,
    responses: { 200: { description: 'The best pages first.', schema: SearchAnswer } },
    handler: async ({ app, user, apiKey, query, clientAddress }) => {
      const started = performance.now();
      // A key has its own limit (route.ts), counted for all the agents behind its helpdesk.
      const { allowed, retryAfterSeconds } = apiKey ? { allowed: true, retryAfterSeconds: 0 } : app.searchLimiter.take(clientAddress);
      if (!allowed) {
        throw new ApiError('RATE_LIMITED', `Too many searches from this address; try again in ${retryAfterSeconds} s.`, {
          headers: { 'Retry-After': String(retryAfterSeconds) },
        });
      }
      const manifest = await app.manifest();
      const options = { limit: query.limit, type: query.type };
      const all = query.lang === 'all';
      // The language searched; with all of them, the caller's, whose pages come first at equal score.
      const lang = all ? (user?.language ?? manifest.settings.site.lang) : (query.lang ?? manifest.settings.site.lang);
      const results = all
        ? searchAllLanguages(query.q, { ...options, readerLang: lang }, manifest.settings)
        : searcherFor(lang, manifest.settings)?.search(query.q, options);
      if (!results) {
        throw new ApiError(
          'SEARCH_UNAVAILABLE',
          'There is no search index for this language; it is made by `npm run build` (the dev server has none).',
        );
      }
      const tookMs = Math.round((performance.now() - started) * 100) / 100;
      if (results.length === 0) countUnanswered(searchGapDeps(app, manifest, lang), query.q, { userId: user?.id, clientAddress });
      return { query: query.q, results, tookMs };
    },
  }),
});
