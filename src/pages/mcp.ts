/**
 * /mcp: the Model Context Protocol endpoint for AI assistants (Streamable HTTP, stateless).
 * JSON-RPC rather than a JSON route, so it is not declared with defineApi and is not in the
 * OpenAPI document; it guards itself the same way: who may call is decided before the body is
 * read (an API key with read, a person, or anybody on a public handbook), in features/mcp; an
 * unknown, revoked or expired key was refused before (server/http/credentials.ts).
 */
import type { APIRoute } from 'astro';
import { answerMcp } from '../features/mcp/server.ts';

export const prerender = false;

export const ALL: APIRoute = ({ request, url, locals }) =>
  answerMcp({
    app: locals.app,
    request,
    url,
    clientAddress: locals.clientAddress,
    user: locals.user,
    apiKey: locals.apiKey ?? null,
  });
