/**
 * What every on-demand request goes through before its route, whichever way it arrives
 * (Astro's middleware in src/middleware.ts, or the API routes the built server calls directly,
 * api-routes.ts): refuse cross-site form posts, know who is asking, apply the private-handbook
 * gate; after the route, pass on renewed session cookies and the API's CORS headers, and keep
 * pages rendered on request (made for whoever asked) out of every cache.
 */
import type { AppContext } from '../app.ts';
import type { SessionUser } from '../../features/accounts/server.ts';
import type { ApiKeyCaller } from '../../features/api-keys/index.ts';
import { corsHeaders } from '../../kit/server/cors.ts';
import { siteOrigin } from '../../kit/server/env.ts';
import { errorResponse } from '../../kit/server/errors.ts';
import { signInAddress } from '../../features/accounts/index.ts';
import { gate, isApiPath } from './access-gate.ts';
import { credentialsOf } from './credentials.ts';
import type { Reader } from './access-gate.ts';
import { isCrossSiteRequest } from './origin-check.ts';

export interface RequestLocals {
  app: AppContext;
  clientAddress: string;
  /** Undefined until looked up; the built server may have looked it up already. */
  user: SessionUser | null;
  /** The API key the request carries, looked up with `user`: a request with a key is never a person. */
  apiKey?: ApiKeyCaller | null;
  renewedCookies?: string[];
}

export interface PipelineContext {
  request: Request;
  url: URL;
  locals: RequestLocals;
}

export async function runPipeline(context: PipelineContext, route: () => Promise<Response>): Promise<Response> {
  const { request, url, locals } = context;
  const pathname = url.pathname;
  const isApi = isApiPath(pathname);
  if (isCrossSiteRequest(request, [url.origin, siteOrigin(locals.app.env)], pathname)) {
    const message = 'Requests from other sites are refused here: send Content-Type: application/json, or an Origin header of this site.';
    return isApi ? errorResponse('FORBIDDEN_ORIGIN', message) : new Response(message, { status: 403 });
  }
  if (!isApi && request.method === 'POST' && !(await isReadableForm(request))) {
    return new Response(
      'The form could not be read: send it as application/x-www-form-urlencoded or multipart/form-data, as a browser does.\n',
      {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      },
    );
  }
  let renewedCookies = locals.renewedCookies ?? [];
  if (locals.user === undefined) {
    const credentials = await credentialsOf(locals.app, request.headers, locals.clientAddress);
    if ('refused' in credentials) return withCors(request, credentials.refused(pathname), locals.app.env.corsOrigins);
    locals.user = credentials.user;
    locals.apiKey = credentials.apiKey;
    renewedCookies = credentials.setCookies;
  }
  locals.apiKey ??= null;
  // Signing in and out is for people; better-auth would read the cookies a key came with.
  if (locals.apiKey && pathname.startsWith('/api/auth/')) {
    return withCors(
      request,
      errorResponse('FORBIDDEN', 'API keys cannot sign in or out: they are for services, not people.'),
      locals.app.env.corsOrigins,
    );
  }
  const decision = gate(pathname, reader(locals), locals.app.env.access);
  if (decision === 'sign-in')
    return new Response(null, { status: 302, headers: { Location: signInAddress(pathname + url.search), 'Cache-Control': 'no-store' } });
  if (decision === 'unauthorized')
    return withCors(request, errorResponse('UNAUTHORIZED', 'Sign in first: this handbook is private.'), locals.app.env.corsOrigins);
  if (decision === 'forbidden') return new Response(`${KEY_CANNOT_READ}\n`, { status: 403, headers: TEXT_HEADERS });
  let response = await route();
  if (renewedCookies.length > 0) {
    response = new Response(response.body, response);
    for (const cookie of renewedCookies) response.headers.append('Set-Cookie', cookie);
  }
  return isApi ? withCors(request, response, locals.app.env.corsOrigins) : uncachedPage(response);
}

export const KEY_CANNOT_READ = "This API key lacks the read scope: it may not read this private handbook's pages.";
const TEXT_HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

/** Who the gate sees: a person, a key (with what it may read), or nobody. */
function reader(locals: RequestLocals): Reader {
  if (locals.apiKey) return { key: locals.apiKey };
  return locals.user ? 'person' : 'anonymous';
}

/**
 * Pages take form posts only, and read them with `request.formData()` (pages.ts readForm): a
 * body that is not a form, or a multipart body cut off, is the client's mistake (400), not a
 * failure of the page (500).
 */
async function isReadableForm(request: Request): Promise<boolean> {
  try {
    await request.clone().formData();
    return true;
  } catch {
    return false;
  }
}

/**
 * A page rendered on request shows what its reader may see (their training, their people, a
 * private handbook's text): no browser or proxy keeps it, and it says its character set.
 */
function uncachedPage(response: Response): Response {
  const type = response.headers.get('content-type');
  const needsCharset = type === 'text/html';
  if (response.headers.has('cache-control') && !needsCharset) return response;
  const page = new Response(response.body, response);
  if (!page.headers.has('cache-control')) page.headers.set('Cache-Control', 'private, no-store');
  if (needsCharset) page.headers.set('Content-Type', 'text/html; charset=utf-8');
  return page;
}

/** The API's answers, readable by the pages of the origins in KNOWHOW_CORS_ORIGINS. */
function withCors(request: Request, response: Response, allowed: readonly string[]): Response {
  const headers = corsHeaders(request.headers.get('origin'), allowed);
  if (Object.keys(headers).length === 0) return response;
  const merged = new Response(response.body, response);
  for (const [name, value] of Object.entries(headers)) merged.headers.set(name, value);
  return merged;
}
