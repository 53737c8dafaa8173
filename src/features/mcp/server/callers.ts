/**
 * Who is calling the MCP endpoint, decided before any JSON-RPC is read: an API key (with the
 * `read` scope), a person (their session cookie, or an OAuth access token their assistant got
 * by signing in as them), or, on a public handbook, anybody. Whoever it is, each request is
 * rate-limited: keys per key, people per person, anonymous callers per client address.
 */
import type { AppContext } from '../../../server/app.ts';
import { mcpResourceMetadataUrl, type SessionUser, verifyMcpAccessToken } from '../../accounts/server.ts';
import { type ApiKeyCaller, hasScope } from '../../api-keys/index.ts';

export type McpCaller =
  | { kind: 'key'; id: string; name: string }
  | { kind: 'person'; id: string; name: string; user: SessionUser }
  | { kind: 'anonymous'; address: string };

/** What the request pipeline knows of the request. */
export interface CallerContext {
  app: AppContext;
  request: Request;
  clientAddress: string;
  /** The person of the session cookie; null without one. */
  user: SessionUser | null;
  /** The API key the request carries, already checked by the request pipeline; null without one. */
  apiKey: ApiKeyCaller | null;
}

export type CallerDecision = { caller: McpCaller } | { refused: Response };

export async function resolveCaller(context: CallerContext): Promise<CallerDecision> {
  const { app, request, apiKey, user, clientAddress } = context;
  if (apiKey) {
    if (!hasScope(apiKey, 'read')) {
      return { refused: httpError(403, 'FORBIDDEN', 'This API key has no read scope: the MCP tools need a key with read.') };
    }
    return { caller: { kind: 'key', id: apiKey.id, name: apiKey.name } };
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (bearer && !bearer.startsWith('khk_')) {
    const person = await verifyMcpAccessToken(app, bearer);
    if (!person) {
      return {
        refused: unauthorized(
          app,
          'This access token is not valid (expired, revoked or not for this handbook): sign in again.',
          'invalid_token',
        ),
      };
    }
    return personCaller(person);
  }
  if (user) return personCaller(user);
  if (app.env.access === 'signed-in') {
    return { refused: unauthorized(app, 'This handbook is private: connect with an API key that has the read scope, or sign in (OAuth).') };
  }
  return { caller: { kind: 'anonymous', address: clientAddress } };
}

function personCaller(user: SessionUser): CallerDecision {
  if (user.mustChangePassword) {
    // As on the API: a one-time password opens the account page only.
    return {
      refused: httpError(
        403,
        'PASSWORD_CHANGE_REQUIRED',
        'Choose a new password first: your account has a one-time password (open /account/).',
      ),
    };
  }
  return { caller: { kind: 'person', id: user.id, name: user.name || user.email, user } };
}

/** Says when the caller may try again, or undefined when it may go ahead. */
export function rateLimited(app: AppContext, caller: McpCaller): Response | undefined {
  const { allowed, retryAfterSeconds } =
    caller.kind === 'key'
      ? app.apiKeyLimiter.take(caller.id)
      : caller.kind === 'person'
        ? app.searchLimiter.take(`mcp-person:${caller.id}`)
        : app.searchLimiter.take(caller.address);
  if (allowed) return undefined;
  return jsonRpcError(
    429,
    -32000,
    `Too many requests: try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
    {
      'Retry-After': String(retryAfterSeconds),
    },
  );
}

/** 401 with the challenge MCP clients follow to the OAuth metadata (RFC 9728). */
export function unauthorized(app: AppContext, message: string, error?: 'invalid_token'): Response {
  const challenge = `Bearer ${error ? `error="${error}", ` : ''}resource_metadata="${mcpResourceMetadataUrl(app)}"`;
  return httpError(401, 'UNAUTHORIZED', message, { 'WWW-Authenticate': challenge });
}

/** An answer before any JSON-RPC is read, in the API's error shape. */
export function httpError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** A JSON-RPC error with no request id (the request was refused before it was read). */
export function jsonRpcError(
  status: number,
  code: number,
  message: string,
  data?: unknown,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { jsonrpc: '2.0', id: null, error: { code, message, ...(data !== undefined ? { data } : {}) } },
    { status, headers: { 'Cache-Control': 'no-store', ...headers } },
  );
}
