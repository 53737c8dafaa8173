/**
 * GET /api/health: whether the server is up and which content build it serves. Public on
 * purpose, for load balancers and uptime checks; it says nothing about people or page content.
 */
import type { APIRoute } from 'astro';
import { readManifest } from '../../lib/server/manifest.ts';
import { getSite } from '../../site/get-site.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  const manifest = await readManifest(getSite);
  const published = manifest.pages.filter((page) => !page.draft).length;
  return Response.json({ status: 'ok', pages: published, builtAt: manifest.builtAt }, { headers: { 'Cache-Control': 'no-store' } });
};
