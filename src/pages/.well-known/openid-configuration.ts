/** The same authorization server as OpenID Connect discovery describes it, for clients that look here first. */
import type { APIRoute } from 'astro';
import { metadataDocument, servedOnly } from '../../server/http/well-known.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals }) =>
  metadataDocument(servedOnly((await locals.app.auth.api.getOpenIdConfig()) as Record<string, unknown>));
