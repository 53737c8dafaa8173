/** The same authorization server as OpenID Connect discovery describes it, for clients that look here first. */
import type { APIRoute } from 'astro';
import { metadataDocument } from '../../server/http/well-known.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals }) => metadataDocument(await locals.app.auth.api.getOpenIdConfig());
