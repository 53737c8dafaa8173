/**
 * The built server calls the API routes (src/pages/api) directly, without Astro's page
 * pipeline in between: the same route modules, the same request pipeline as the middleware.
 * Astro's pipeline (a Web Request, routing, rendering context, reading the answer back from a
 * stream) cost about 250 µs of CPU and much short-lived garbage per request, more than the
 * route's own work; the dev server still routes them through Astro.
 */
import type { APIContext } from 'astro';
import { errorResponse } from '../../kit/server/errors.ts';
import { type PipelineContext, runPipeline } from './request-pipeline.ts';

type Handler = (context: APIContext) => Response | Promise<Response>;
type RouteModule = Record<string, unknown>;

interface Route {
  pattern: RegExp;
  params: string[];
  module: RouteModule;
  /** Static routes before dynamic ones, catch-alls last, as Astro orders them. */
  rank: number;
}

export interface ApiRouter {
  handle(context: PipelineContext): Promise<Response>;
}

/** `modules`: the route files by path, e.g. "../pages/api/admin/users/[id].ts" (import.meta.glob). */
export function apiRouter(modules: Record<string, RouteModule>): ApiRouter {
  const routes = Object.entries(modules)
    .map(([file, module]) => routeFor(file, module))
    .sort((a, b) => a.rank - b.rank);

  return {
    handle(context) {
      return runPipeline(context, async () => {
        const found = match(routes, context.url.pathname);
        if (!found) return errorResponse('NOT_FOUND', 'There is no such API route; see /api/openapi.json.');
        const method = context.request.method;
        const handler = (found.route.module[method] ?? found.route.module.ALL) as Handler | undefined;
        if (!handler) return errorResponse('METHOD_NOT_ALLOWED', `${method} is not allowed here.`);
        const apiContext = { ...context, params: found.params, clientAddress: context.locals.clientAddress } as unknown as APIContext;
        return handler(apiContext);
      });
    },
  };
}

function routeFor(file: string, module: RouteModule): Route {
  const path = `/${file.replace(/^.*?pages\//, '').replace(/\.ts$/, '')}`.replace(/\/index$/, '');
  const params: string[] = [];
  let rank = 0;
  const source = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const rest = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (rest) {
        params.push(rest[1] as string);
        rank += 100;
        return '(?:/(.*))?';
      }
      const param = /^\[(\w+)\]$/.exec(segment);
      if (param) {
        params.push(param[1] as string);
        rank += 1;
        return '/([^/]+)';
      }
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    })
    .join('');
  return { pattern: new RegExp(`^${source}/?$`), params, module, rank };
}

function match(routes: Route[], pathname: string): { route: Route; params: Record<string, string | undefined> } | undefined {
  for (const route of routes) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    const params = Object.fromEntries(route.params.map((name, index) => [name, found[index + 1]]));
    return { route, params };
  }
  return undefined;
}
