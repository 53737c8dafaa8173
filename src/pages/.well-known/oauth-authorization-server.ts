/**
 * The authorization server's metadata (RFC 8414): better-auth's OAuth provider, whose issuer is
 * the site's origin. Assistants read it to register, send the person to sign in and consent,
 * and exchange the code for a token.
 */
import type { APIRoute } from 'astro';
import { metadataDocument, servedOnly } from '../../server/http/well-known.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals }) =>
  metadataDocument(servedOnly((await locals.app.auth.api.getOAuthServerConfig()) as Record<string, unknown>));
