/**
 * An assistant connected with OAuth for a person already signed in (their session cookie), as a
 * native MCP client does it, scripted: it registers itself, sends the person to authorize (as a
 * browser opens an address), the person allows it, and it exchanges the code with PKCE for an
 * access token for the served site's /mcp. The whole flow, each step checked, is
 * test/features/accounts/mcp-oauth.api.test.ts; this is for tests that need a token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { get as httpGet } from 'node:http';

const REDIRECT_URI = 'http://127.0.0.1:8976/callback';

/** GET as a browser opens an address (Sec-Fetch-Mode: navigate, which fetch cannot send), without following redirects. */
function navigate(address: URL, cookie: string): Promise<{ status: number; location: string | null }> {
  return new Promise((resolve, reject) => {
    const headers = { Cookie: cookie, Accept: 'text/html', 'Sec-Fetch-Mode': 'navigate' };
    const request = httpGet(address, { headers }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => resolve({ status: incoming.statusCode as number, location: incoming.headers.location ?? null }));
    });
    request.on('error', reject);
  });
}

export async function assistantAccessToken(baseUrl: string, cookie: string): Promise<string> {
  const registered = await fetch(`${baseUrl}/api/auth/oauth2/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Desk Assistant',
      redirect_uris: [REDIRECT_URI],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    }),
  });
  if (!registered.ok) throw new Error(`registering the assistant: ${registered.status} ${await registered.text()}`);
  const clientId = ((await registered.json()) as { client_id: string }).client_id;
  const verifier = randomBytes(32).toString('base64url');
  const resource = `${baseUrl}/mcp`;
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'profile email offline_access',
    state: 'state-1',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    resource,
  });
  const authorized = await navigate(new URL(`/api/auth/oauth2/authorize?${query}`, baseUrl), cookie);
  let back = new URL(authorized.location ?? '', baseUrl);
  if (back.pathname === '/connect-assistant/') {
    const allowed = await fetch(new URL(back.pathname + back.search, baseUrl), {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
      body: new URLSearchParams({ answer: 'allow' }),
      redirect: 'manual',
    });
    back = new URL(allowed.headers.get('location') ?? '', baseUrl);
  }
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no authorization code: ${authorized.status} ${back}`);
  const tokens = await fetch(`${baseUrl}/api/auth/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      client_id: clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      resource,
    }),
  });
  if (!tokens.ok) throw new Error(`exchanging the code: ${tokens.status} ${await tokens.text()}`);
  return ((await tokens.json()) as { access_token: string }).access_token;
}
