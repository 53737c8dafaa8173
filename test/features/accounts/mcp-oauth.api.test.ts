/**
 * A person connects their own AI assistant with OAuth, as the MCP authorization specification
 * describes, over real HTTP against the built fixture site, on SQLite and PostgreSQL: the
 * discovery documents, dynamic client registration, authorization code with PKCE through the
 * sign-in form and the consent page, the token exchange as a native client sends it (a form, no
 * Origin), and the server's check of the access token (verifyMcpAccessToken): the person's own
 * token works; a tampered, expired, other-audience one, a deactivated person's or a disconnected
 * assistant's does not.
 */
import { createHash, randomBytes } from 'node:crypto';
import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivateUser, findUserByEmail, verifyMcpAccessToken } from '../../../src/features/accounts/server.ts';
import type { AppContext } from '../../../src/server/app.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { cookieOf, PASSWORD, PEOPLE, signIn, testApp } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const REDIRECT_URI = 'http://127.0.0.1:8976/callback';
const base64url = (bytes: Buffer) => bytes.toString('base64url');

interface Pkce {
  verifier: string;
  challenge: string;
}
function pkce(): Pkce {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
}

interface Tokens {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

describe.each(DATABASES)('connecting an assistant with OAuth on $name', (kind) => {
  const site = useServedSite(kind, FIXTURE_DIST, { env: { KNOWHOW_ACCESS: 'signed-in' } });
  /** The server's own view, as /mcp verifies tokens: the app context with the server's address. */
  let verifier: AppContext;
  let clientId: string;
  const url = (path: string) => `${site.server.url}${path}`;

  beforeAll(async () => {
    if (!kind.available) return;
    verifier = await testApp(site.server.databaseUrl, { BETTER_AUTH_URL: site.server.url });
  });
  afterAll(async () => {
    await verifier?.close();
  });

  /**
   * GET as a browser opens an address (Sec-Fetch-Mode: navigate), without following redirects.
   * Not with fetch, which says Sec-Fetch-Mode: cors, to which the authorization endpoint
   * answers { redirect, url } in JSON, as to a browser's script.
   */
  const get = (path: string, cookie = '') =>
    new Promise<Response>((resolve, reject) => {
      const headers = { Cookie: cookie, Accept: 'text/html', 'Sec-Fetch-Mode': 'navigate' };
      const request = httpGet(new URL(path, site.server.url), { headers }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) for (const item of [value ?? []].flat()) answer.append(name, item);
          const status = incoming.statusCode as number;
          resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: answer }));
        });
      });
      request.on('error', reject);
    });

  async function register(body: Record<string, unknown> = {}): Promise<Response> {
    return fetch(url('/api/auth/oauth2/register'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        client_name: 'Desk Assistant',
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        ...body,
      }),
    });
  }

  function authorizePath(code: Pkce, extra: Record<string, string> = {}): string {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'profile email offline_access',
      state: 'state-123',
      code_challenge: code.challenge,
      code_challenge_method: 'S256',
      resource: url('/mcp'),
      ...extra,
    });
    return `/api/auth/oauth2/authorize?${query}`;
  }

  /** From the consent page's address: the person answers, and the answer's redirect. */
  async function answer(consentPath: string, cookie: string, choice: 'allow' | 'deny'): Promise<URL> {
    const response = await fetch(url(consentPath), {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.server.url },
      body: new URLSearchParams({ answer: choice }),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    return new URL(response.headers.get('location') as string);
  }

  async function exchange(fields: Record<string, string>): Promise<Response> {
    // As a native client sends it: a form, no Origin, no cookie.
    return fetch(url('/api/auth/oauth2/token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ client_id: clientId, ...fields }),
    });
  }

  /** The whole flow for a person already signed in (cookie): authorize, consent, code, tokens. */
  async function connect(cookie: string, extra: Record<string, string> = {}): Promise<Tokens> {
    const code = pkce();
    const toConsent = await get(authorizePath(code, extra), cookie);
    expect(toConsent.status).toBe(302);
    let back = new URL(toConsent.headers.get('location') as string, site.server.url);
    // Unless the person allowed this assistant before, they are asked.
    if (back.pathname === '/connect-assistant/') back = await answer(back.pathname + back.search, cookie, 'allow');
    const answerCode = back.searchParams.get('code') as string;
    const tokens = await exchange({
      grant_type: 'authorization_code',
      code: answerCode,
      redirect_uri: REDIRECT_URI,
      code_verifier: code.verifier,
      resource: url('/mcp'),
    });
    expect(tokens.status, await tokens.clone().text()).toBe(200);
    return (await tokens.json()) as Tokens;
  }

  it.skipIf(!kind.available)('publishes the protected-resource metadata of /mcp (RFC 9728), open on a private handbook', async () => {
    for (const path of ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const metadata = (await response.json()) as Record<string, unknown>;
      expect(metadata).toMatchObject({
        resource: url('/mcp'),
        authorization_servers: [site.server.url],
        bearer_methods_supported: ['header'],
      });
      expect(metadata.scopes_supported).not.toContain('openid');
    }
    expect((await get('/.well-known/oauth-protected-resource/elsewhere')).status).toBe(404);
  });

  it.skipIf(!kind.available)(
    'publishes the authorization server metadata (RFC 8414 and OpenID discovery): absolute, code with S256 only',
    async () => {
      for (const path of ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration']) {
        const response = await get(path);
        expect(response.status, path).toBe(200);
        const metadata = (await response.json()) as Record<string, unknown>;
        expect(metadata.issuer).toBe(site.server.url);
        for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'registration_endpoint', 'jwks_uri', 'revocation_endpoint'])
          expect(String(metadata[endpoint]), endpoint).toMatch(new RegExp(`^${site.server.url}/api/auth/`));
        expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
        expect(metadata.response_types_supported).toEqual(['code']);
        // Only endpoints Knowhow serves: a client is never sent to an address that answers 404.
        for (const [name, value] of Object.entries(metadata)) {
          if (!name.endsWith('_endpoint') && name !== 'jwks_uri') continue;
          const answer = await fetch(String(value), { redirect: 'manual' });
          expect(answer.status, `${path} ${name}: ${String(value)}`).not.toBe(404);
        }
        expect(metadata.grant_types_supported).toEqual(['authorization_code', 'refresh_token']);
        expect(metadata.token_endpoint_auth_methods_supported).toContain('none');
      }
      const jwks = (await (await get('/api/auth/jwks')).json()) as { keys: unknown[] };
      expect(jwks.keys.length).toBeGreaterThan(0);
    },
  );

  it.skipIf(!kind.available)(
    'registers an assistant dynamically (RFC 7591) and refuses a registration without redirect addresses',
    async () => {
      const response = await register();
      expect(response.status, await response.clone().text()).toBe(201);
      const client = (await response.json()) as Record<string, unknown>;
      expect(client.client_id).toEqual(expect.any(String));
      expect(client.client_secret).toBeUndefined();
      expect(client.redirect_uris).toEqual([REDIRECT_URI]);
      clientId = client.client_id as string;
      // An assistant in a browser asks first (CORS preflight), then registers and exchanges codes from any origin.
      const preflight = await fetch(url('/api/auth/oauth2/register'), {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://assistant.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const broken = await register({ redirect_uris: [] });
      expect(broken.status).toBe(400);
      expect(await broken.json()).toMatchObject({ error: expect.any(String) });
    },
  );

  it.skipIf(!kind.available)(
    'signs the person in with the sign-in form, asks their consent, and gives the assistant a token for /mcp',
    async () => {
      const code = pkce();
      // Not signed in: the authorization sends the person to the sign-in page with the request, signed.
      const toSignIn = await get(authorizePath(code));
      expect(toSignIn.status).toBe(302);
      const signInPage = new URL(toSignIn.headers.get('location') as string, site.server.url);
      expect(signInPage.pathname).toBe('/sign-in/');
      expect(signInPage.searchParams.get('sig')).toBeTruthy();
      const page = await get(signInPage.pathname + signInPage.search);
      expect(page.status).toBe(200);
      // The form posts back with the authorization as the return address.
      const action = /<form class="form" method="post" action="([^"]+)" novalidate/.exec(await page.text())?.[1]?.replaceAll('&amp;', '&');
      expect(action).toMatch(/^\/sign-in\/\?next=%2Fapi%2Fauth%2Foauth2%2Fauthorize%3F/);
      const signedIn = await fetch(url(action as string), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.server.url },
        body: new URLSearchParams({ email: PEOPLE.member.email, password: PASSWORD }),
        redirect: 'manual',
      });
      expect(signedIn.status).toBe(303);
      const cookie = cookieOf(signedIn);
      const resumed = signedIn.headers.get('location') as string;
      expect(resumed).toMatch(/^\/api\/auth\/oauth2\/authorize\?/);
      expect(new URL(resumed, site.server.url).searchParams.get('sig')).toBeNull();

      const toConsent = await get(resumed, cookie);
      expect(toConsent.status).toBe(302);
      const consent = new URL(toConsent.headers.get('location') as string, site.server.url);
      expect(consent.pathname).toBe('/connect-assistant/');
      const consentPage = await get(consent.pathname + consent.search, cookie);
      expect(consentPage.status).toBe(200);
      // The answer is sent on to the assistant: the page's policy lets the form go there.
      expect(consentPage.headers.get('content-security-policy')).toContain(`form-action 'self' http://127.0.0.1:8976`);
      const html = await consentPage.text();
      expect(html).toContain('Connect Desk Assistant to the handbook?');
      expect(html).toContain(PEOPLE.member.email);
      expect(html).toMatch(/<button class="button" type="submit" name="answer" value="allow">Allow<\/button>/);

      const back = await answer(consent.pathname + consent.search, cookie, 'allow');
      expect(back.origin + back.pathname).toBe(REDIRECT_URI);
      expect(back.searchParams.get('state')).toBe('state-123');
      expect(back.searchParams.get('iss')).toBe(site.server.url);
      const authorizationCode = back.searchParams.get('code') as string;

      // The wrong verifier is refused; the right one gets the token, once.
      const wrongVerifier = await exchange({
        grant_type: 'authorization_code',
        code: authorizationCode,
        redirect_uri: REDIRECT_URI,
        code_verifier: pkce().verifier,
        resource: url('/mcp'),
      });
      expect(wrongVerifier.status).toBe(400);
      expect(await wrongVerifier.json()).toMatchObject({ error: 'invalid_grant' });

      const code2 = pkce();
      const again = await get(authorizePath(code2), cookie);
      // Consent given once is remembered: straight back to the assistant with a new code.
      const location = new URL(again.headers.get('location') as string, site.server.url);
      expect(location.origin + location.pathname).toBe(REDIRECT_URI);
      const fields = {
        grant_type: 'authorization_code',
        code: location.searchParams.get('code') as string,
        redirect_uri: REDIRECT_URI,
        code_verifier: code2.verifier,
        resource: url('/mcp'),
      };
      const tokens = await exchange(fields);
      expect(tokens.status, await tokens.clone().text()).toBe(200);
      const body = (await tokens.json()) as Tokens;
      expect(body.token_type.toLowerCase()).toBe('bearer');
      expect(body.refresh_token).toEqual(expect.any(String));
      expect((await exchange(fields)).status).toBe(400);

      const person = await verifyMcpAccessToken(verifier, body.access_token);
      expect(person?.email).toBe(PEOPLE.member.email);
    },
  );

  it.skipIf(!kind.available)('refuses an authorization without PKCE, with plain PKCE, or for another redirect address', async () => {
    const cookie = await signIn(site.server.url, PEOPLE.manager.email);
    const code = pkce();
    const withoutPkce = await get(
      authorizePath(code)
        .replace(/&code_challenge=[^&]+/, '')
        .replace(/&code_challenge_method=S256/, ''),
      cookie,
    );
    const refused = new URL(withoutPkce.headers.get('location') as string, site.server.url);
    expect(refused.origin + refused.pathname).toBe(REDIRECT_URI);
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    const plain = await get(authorizePath(code, { code_challenge: code.verifier, code_challenge_method: 'plain' }), cookie);
    expect(new URL(plain.headers.get('location') as string, site.server.url).searchParams.get('error')).toBeTruthy();
    const elsewhere = await get(authorizePath(code, { redirect_uri: 'https://evil.example/callback' }), cookie);
    expect(elsewhere.headers.get('location') ?? '').not.toContain('evil.example');
    const implicit = await get(authorizePath(code, { response_type: 'token' }), cookie);
    expect(implicit.headers.get('location') ?? '').not.toContain('access_token');
  });

  it.skipIf(!kind.available)('sends the assistant access_denied when the person denies', async () => {
    const cookie = await signIn(site.server.url, PEOPLE.admin.email);
    const toConsent = await get(authorizePath(pkce()), cookie);
    const consent = new URL(toConsent.headers.get('location') as string, site.server.url);
    const back = await answer(consent.pathname + consent.search, cookie, 'deny');
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it.skipIf(!kind.available)('accepts only untampered, unexpired access tokens for /mcp, renewed with the refresh token', async () => {
    const cookie = await signIn(site.server.url, PEOPLE.manager.email);
    const tokens = await connect(cookie, { scope: 'openid profile email offline_access' });
    expect((await verifyMcpAccessToken(verifier, tokens.access_token))?.email).toBe(PEOPLE.manager.email);

    const [header, payload, signature] = tokens.access_token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ iss: site.server.url, sub: expect.any(String), azp: clientId });
    expect([claims.aud].flat()).toContain(url('/mcp'));
    const forged = base64url(Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })));
    expect(await verifyMcpAccessToken(verifier, `${header}.${forged}.${signature}`)).toBeNull();
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    expect(await verifyMcpAccessToken(verifier, `${header}.${payload}.${flipped}`)).toBeNull();
    expect(await verifyMcpAccessToken(verifier, 'not-a-token')).toBeNull();
    // The ID token is signed with the same key, for another audience (the assistant): refused.
    expect(tokens.id_token).toEqual(expect.any(String));
    expect(await verifyMcpAccessToken(verifier, tokens.id_token as string)).toBeNull();

    const later = await testApp(site.server.databaseUrl, { BETTER_AUTH_URL: site.server.url }, () => new Date(Date.now() + 2 * 3600_000));
    try {
      expect(await verifyMcpAccessToken(later, tokens.access_token)).toBeNull();
    } finally {
      await later.close();
    }
    // Another site's address (a token issued for another resource or by another issuer): refused.
    const elsewhere = await testApp(site.server.databaseUrl, { BETTER_AUTH_URL: 'https://other.example' });
    try {
      expect(await verifyMcpAccessToken(elsewhere, tokens.access_token)).toBeNull();
    } finally {
      await elsewhere.close();
    }

    const renewed = await exchange({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string, resource: url('/mcp') });
    expect(renewed.status, await renewed.clone().text()).toBe(200);
    const next = (await renewed.json()) as Tokens;
    expect((await verifyMcpAccessToken(verifier, next.access_token))?.email).toBe(PEOPLE.manager.email);
  });

  it.skipIf(!kind.available)('gives a token without the /mcp resource that /mcp refuses', async () => {
    const cookie = await signIn(site.server.url, PEOPLE.admin.email);
    const code = pkce();
    const again = await get(authorizePath(code, { resource: '' }).replace(/&resource=(?=&|$)/, ''), cookie);
    let location = new URL(again.headers.get('location') as string, site.server.url);
    if (location.pathname === '/connect-assistant/') location = await answer(location.pathname + location.search, cookie, 'allow');
    const tokens = await exchange({
      grant_type: 'authorization_code',
      code: location.searchParams.get('code') as string,
      redirect_uri: REDIRECT_URI,
      code_verifier: code.verifier,
    });
    expect(tokens.status, await tokens.clone().text()).toBe(200);
    expect(await verifyMcpAccessToken(verifier, ((await tokens.json()) as Tokens).access_token)).toBeNull();
  });

  it.skipIf(!kind.available)('stops a disconnected assistant’s token at once, and lists it on the account page until then', async () => {
    const cookie = await signIn(site.server.url, PEOPLE.member.email);
    const tokens = await connect(cookie);
    expect(await verifyMcpAccessToken(verifier, tokens.access_token)).not.toBeNull();
    const account = await (await get('/account/', cookie)).text();
    expect(account).toContain('Connected assistants');
    expect(account).toContain('Disconnect Desk Assistant');
    const disconnected = await fetch(url('/account/'), {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.server.url },
      body: new URLSearchParams({ intent: 'disconnect', client: clientId }),
      redirect: 'manual',
    });
    expect(disconnected.status).toBe(303);
    expect(await verifyMcpAccessToken(verifier, tokens.access_token)).toBeNull();
    const refreshed = await exchange({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string });
    expect(refreshed.status).toBe(400);
    expect(await (await get('/account/', cookie)).text()).toContain('No assistant is connected to your account.');
  });

  it.skipIf(!kind.available)('refuses a deactivated person’s token', async () => {
    const cookie = await signIn(site.server.url, PEOPLE.deactivated.email);
    const tokens = await connect(cookie);
    expect((await verifyMcpAccessToken(verifier, tokens.access_token))?.email).toBe(PEOPLE.deactivated.email);
    const person = await findUserByEmail(verifier, PEOPLE.deactivated.email);
    await deactivateUser(verifier, { user: null }, person?.id as string);
    expect(await verifyMcpAccessToken(verifier, tokens.access_token)).toBeNull();
    const refreshed = await exchange({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string });
    expect(refreshed.status).toBe(400);
  });
});
