/**
 * GET /api/openapi.json: the OpenAPI 3.1 document of every API route, from the zod schemas the
 * routes validate with. People read it at /api-docs/.
 */
import { z } from 'astro/zod';
import { openApiDocument, routeSpecsOf } from '../../server/api/openapi.ts';
import { defineApi, method, type RouteSpec } from '../../server/api/route.ts';

export const prerender = false;

const others = import.meta.glob(['./**/*.ts', '!./openapi.json.ts'], { eager: true });
let document: unknown;

export const { GET, ALL, spec } = defineApi('/api/openapi.json', {
  GET: method({
    summary: 'This API, described',
    tags: ['Site'],
    access: 'handbook',
    keyScope: 'read',
    responses: { 200: { description: 'The OpenAPI 3.1 document.', schema: z.record(z.string(), z.unknown()) } },
    handler: () => {
      document ??= openApiDocument([...routeSpecsOf(others), spec as RouteSpec]);
      return Response.json(document, { headers: { 'Cache-Control': 'no-cache' } });
    },
  }),
});
