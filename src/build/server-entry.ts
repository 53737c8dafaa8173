/**
 * The built server's entry (dist/server/entry.mjs), for cli/serve.ts: Astro's app for the
 * pages, and the API route modules (and the MCP endpoint's), which the server calls directly (server/http/api-routes.ts).
 */
import { createApp } from 'astro/app/entrypoint';
import { setGetEnv } from 'astro/env/setup';

setGetEnv((key) => process.env[key]);

export const app = createApp({ streaming: true });

export const apiRouteModules: Record<string, Record<string, unknown>> = import.meta.glob(['../pages/api/**/*.ts', '../pages/mcp.ts'], {
  eager: true,
});
