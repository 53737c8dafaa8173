/**
 * GET /api/health: whether the server is up and which content build it serves. Public on
 * purpose, for load balancers and uptime checks; it says nothing about people or page content.
 */
import { z } from 'astro/zod';
import { defineApi, method } from '../../server/api/route.ts';

export const prerender = false;

export const { GET, ALL, spec } = defineApi('/api/health', {
  GET: method({
    summary: 'Is the server up',
    tags: ['Site'],
    access: 'public',
    responses: {
      200: {
        description: 'Up, with the number of published pages and when they were built.',
        schema: z.object({ status: z.literal('ok'), pages: z.number().int(), builtAt: z.string() }),
      },
    },
    handler: async ({ app }) => {
      const manifest = await app.manifest();
      const published = manifest.pages.filter((page) => !page.draft).length;
      return { status: 'ok', pages: published, builtAt: manifest.builtAt };
    },
  }),
});
