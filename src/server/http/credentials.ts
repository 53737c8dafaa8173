/**
 * Who a request speaks for: an API key (`Authorization: Bearer khk_...`), else the person whose
 * session cookie it carries, else nobody. A request with a key is the key's service and never a
 * person, whatever cookies come with it. A key that is unknown, revoked or expired is refused
 * with 401 and a `WWW-Authenticate` challenge (RFC 6750), rather than read as nobody: a service
 * with a dead key should hear so, not get a public handbook's answers as if all were well.
 */
import type { AppContext } from '../app.ts';
import { resolveSession, type SessionUser } from '../../features/accounts/server.ts';
import type { ApiKeyCaller } from '../../features/api-keys/index.ts';
import { resolveApiKey } from '../../features/api-keys/server.ts';
import { errorResponse } from '../../kit/server/errors.ts';
import { siteOrigin } from '../../kit/server/env.ts';

export type Credentials =
  | {
      user: SessionUser | null;
      apiKey: ApiKeyCaller | null;
      setCookies: string[];
      /** What the private-handbook gate looks at. */
      reader: 'person' | 'anonymous' | { key: ApiKeyCaller };
    }
  | { refused: (pathname: string) => Response };

export async function credentialsOf(app: AppContext, headers: Headers, clientAddress?: string): Promise<Credentials> {
  const resolved = await resolveApiKey(app, headers.get('authorization'), clientAddress);
  if (resolved && 'problem' in resolved) {
    const { problem } = resolved;
    return { refused: (pathname) => invalidKeyResponse(app, pathname, problem) };
  }
  if (resolved) return { user: null, apiKey: resolved.key, setCookies: [], reader: { key: resolved.key } };
  const session = await resolveSession(app, headers);
  return { user: session.user, apiKey: null, setCookies: session.setCookies, reader: session.user ? 'person' : 'anonymous' };
}

/**
 * 401 for a key that does not work. On the MCP endpoint the challenge also names the
 * protected-resource metadata, where an assistant learns how a person may sign in instead.
 */
export function invalidKeyResponse(app: Pick<AppContext, 'env'>, pathname: string, problem: string): Response {
  const description = problem.replace(/["\\]/g, "'");
  const metadata =
    pathname === '/mcp' || pathname.startsWith('/mcp/')
      ? `, resource_metadata="${siteOrigin(app.env)}/.well-known/oauth-protected-resource/mcp"`
      : '';
  const challenge = `Bearer realm="knowhow", error="invalid_token", error_description="${description}"${metadata}`;
  if (pathname.startsWith('/api/') || pathname === '/mcp' || pathname.startsWith('/mcp/')) {
    return errorResponse('INVALID_API_KEY', problem, { headers: { 'WWW-Authenticate': challenge } });
  }
  return new Response(`${problem}\n`, {
    status: 401,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'WWW-Authenticate': challenge },
  });
}
