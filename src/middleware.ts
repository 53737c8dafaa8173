/**
 * Astro's middleware: the request pipeline (server/http/request-pipeline.ts) before every
 * on-demand page and route. The built site's server hands in the app context, the client's
 * address and, where it looked them up, the signed-in person; the dev server starts its own
 * app context here.
 */
import { defineMiddleware } from 'astro:middleware';
import { interfaceLanguage } from './kit/i18n/languages.ts';
import { devApp } from './server/dev-app.ts';
import { isApiPath } from './server/http/access-gate.ts';
import { runPipeline } from './server/http/request-pipeline.ts';
import { getSite } from './features/handbook/pages.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  // Prerendering at build time has no request, no database and nobody signed in.
  if (context.isPrerendered && !import.meta.env.DEV) return next();
  const { locals } = context;
  if (!locals.app) {
    // The built server hands the context to every route it matches; an unmatched address
    // renders the 404 page, which needs nothing more.
    if (!import.meta.env.DEV) return next();
    // The live site model, rebuilt when content changes: the one place the server is given it.
    locals.app = await devApp(getSite);
    // Astro refuses to give a prerendered page's client address, even in the dev server.
    locals.clientAddress = context.isPrerendered ? 'dev server' : context.clientAddress;
  }
  return runPipeline({ request: context.request, url: context.url, locals }, async () => {
    // Pages rendered on request speak the signed-in person's language, else the site's.
    if (!context.isPrerendered && !isApiPath(context.url.pathname)) {
      const { settings } = await locals.app.manifest();
      locals.lang = interfaceLanguage(locals.user?.language, settings.site.lang);
    }
    return next();
  });
});
