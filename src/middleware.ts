/**
 * Runs before every on-demand route and page: makes sure `locals` has the app context, the
 * client's address and the signed-in person, and applies the private-handbook gate. The built
 * site's server (lib/server/http/site-handler.ts) already gated its static files and may have
 * looked the person up; the dev server goes through here for everything.
 */
import { defineMiddleware } from 'astro:middleware';
import { sessionUser } from './lib/server/auth/session.ts';
import { corsHeaders } from './lib/server/cors.ts';
import { devApp } from './lib/server/dev-app.ts';
import { errorResponse } from './lib/server/errors.ts';
import { siteOrigin } from './lib/server/env.ts';
import { gate, signInAddress } from './lib/server/http/access-gate.ts';
import { isCrossSiteRequest } from './lib/server/http/origin-check.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  // Prerendering at build time has no request, no database and nobody signed in.
  if (context.isPrerendered && !import.meta.env.DEV) return next();
  const { locals } = context;
  if (!locals.app) {
    // The built server hands the context to every route it matches; an unmatched address
    // renders the 404 page, which needs nothing more.
    if (!import.meta.env.DEV) return next();
    locals.app = await devApp();
    locals.clientAddress = context.clientAddress;
  }
  const pathname = context.url.pathname;
  const ownOrigins = [context.url.origin, siteOrigin(locals.app.env)];
  if (isCrossSiteRequest(context.request, ownOrigins)) {
    const message = 'Requests from other sites are refused here: send Content-Type: application/json, or an Origin header of this site.';
    return pathname.startsWith('/api/') ? errorResponse('FORBIDDEN_ORIGIN', message) : new Response(message, { status: 403 });
  }
  if (locals.user === undefined) locals.user = await sessionUser(locals.app.auth, context.request.headers);
  const decision = gate(pathname, locals.user !== null, locals.app.env.access);
  if (decision === 'sign-in') return context.redirect(signInAddress(pathname + context.url.search), 302);
  if (decision === 'unauthorized')
    return withCors(context.request, errorResponse('UNAUTHORIZED', 'Sign in first: this handbook is private.'), locals.app.env.corsOrigins);
  const response = await next();
  return pathname.startsWith('/api/') ? withCors(context.request, response, locals.app.env.corsOrigins) : response;
});

/** The API's answers, readable by the pages of the origins in KNOWHOW_CORS_ORIGINS. */
function withCors(request: Request, response: Response, allowed: readonly string[]): Response {
  const headers = corsHeaders(request.headers.get('origin'), allowed);
  if (Object.keys(headers).length === 0) return response;
  const merged = new Response(response.body, response);
  for (const [name, value] of Object.entries(headers)) merged.headers.set(name, value);
  return merged;
}
