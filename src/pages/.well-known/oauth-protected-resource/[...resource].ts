/**
 * The protected-resource metadata (RFC 9728) of the MCP server: at
 * /.well-known/oauth-protected-resource/mcp, as the resource /mcp implies, and at
 * /.well-known/oauth-protected-resource for clients that look at the root. An assistant finds
 * it from the 401 of /mcp and learns from it which authorization server to ask (this site).
 * Open on a private handbook too: it is what lets an assistant start signing in.
 */
import type { APIRoute } from 'astro';
import { MCP_PATH, protectedResourceMetadata } from '../../../features/accounts/server.ts';
import { metadataDocument, notFoundDocument } from '../../../server/http/well-known.ts';

export const prerender = false;

export const GET: APIRoute = ({ params, locals }) => {
  const resource = params.resource ? `/${params.resource}` : undefined;
  if (resource !== undefined && resource.replace(/\/$/, '') !== MCP_PATH) return notFoundDocument();
  return metadataDocument(protectedResourceMetadata(locals.app.env));
};
