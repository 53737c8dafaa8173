/**
 * The official MCP SDK's client with its OAuth support (@modelcontextprotocol/client) against
 * a private handbook, as a person's own assistant connects: its first request to /mcp gets 401
 * with the protected-resource metadata's address; from there it finds the authorization
 * server, registers itself, sends the person's browser (Chromium) to sign in and allow it, and
 * exchanges the code, with PKCE and the /mcp resource; then it connects again and calls the
 * tools as that person. The token is one the MCP server accepts (verifyMcpAccessToken).
 */
import { createServer, type Server } from 'node:http';
import {
  auth,
  Client,
  StreamableHTTPClientTransport,
  UnauthorizedError,
  type OAuthClientMetadata,
  type OAuthClientProvider,
  type StoredOAuthClientInformation,
  type StoredOAuthTokens,
} from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyMcpAccessToken } from '../../../src/features/accounts/server.ts';
import type { AppContext } from '../../../src/server/app.ts';
import { hasChromium } from '../../helpers/chromium.ts';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE, testApp } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';
import { freePort } from '../../helpers/server.ts';

/** An assistant's memory of its registration, tokens and PKCE verifier, for one run. */
class AssistantProvider implements OAuthClientProvider {
  information?: StoredOAuthClientInformation;
  saved?: StoredOAuthTokens;
  verifier = '';
  authorizationUrl?: URL;
  private readonly callback: string;
  constructor(callback: string) {
    this.callback = callback;
  }
  get redirectUrl() {
    return this.callback;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'SDK Assistant',
      redirect_uris: [this.callback],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this.information;
  }
  saveClientInformation(information: StoredOAuthClientInformation) {
    this.information = information;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: StoredOAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

describe.skipIf(!hasChromium)('the MCP SDK’s OAuth client connecting to Knowhow', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, { browser: true, env: { KNOWHOW_ACCESS: 'signed-in' } });
  let callback: Server;
  let callbackUrl: string;
  let verifier: AppContext;

  beforeAll(async () => {
    const port = await freePort();
    callbackUrl = `http://127.0.0.1:${port}/oauth/callback`;
    callback = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('Connected.');
    });
    await new Promise<void>((resolve) => callback.listen(port, '127.0.0.1', resolve));
    verifier = await testApp(site.server.databaseUrl, { BETTER_AUTH_URL: site.server.url });
  });
  afterAll(async () => {
    await verifier?.close();
    await new Promise((resolve) => callback?.close(resolve));
  });

  it('discovers, registers, signs the person in, and gets a token for /mcp', async () => {
    const serverUrl = `${site.server.url}/mcp`;
    const provider = new AssistantProvider(callbackUrl);
    expect(await auth(provider, { serverUrl })).toBe('REDIRECT');
    expect(provider.information?.client_id).toEqual(expect.any(String));
    const authorization = provider.authorizationUrl as URL;
    expect(authorization.origin + authorization.pathname).toBe(`${site.server.url}/api/auth/oauth2/authorize`);
    expect(authorization.searchParams.get('resource')).toBe(serverUrl);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');

    const context = await site.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(authorization.toString());
    await page.fill('#email', PEOPLE.member.email);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/connect-assistant\/\?/), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Connect SDK Assistant to the handbook?');
    await Promise.all([page.waitForURL(`${callbackUrl}?**`), page.getByRole('button', { name: 'Allow' }).click()]);
    const back = new URL(page.url());
    await context.close();

    const code = back.searchParams.get('code') as string;
    const iss = back.searchParams.get('iss') ?? undefined;
    expect(await auth(provider, { serverUrl, authorizationCode: code, ...(iss ? { iss } : {}) })).toBe('AUTHORIZED');
    const tokens = provider.saved as StoredOAuthTokens;
    // It asked for the scopes the resource metadata names, offline_access among them: it may renew.
    expect(authorization.searchParams.get('scope')?.split(' ')).toContain('offline_access');
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect((await verifyMcpAccessToken(verifier, tokens.access_token))?.email).toBe(PEOPLE.member.email);
  });

  it('connects an assistant end to end: 401, sign-in in the browser, then the tools as the person', async () => {
    const serverUrl = new URL(`${site.server.url}/mcp`);
    const provider = new AssistantProvider(callbackUrl);
    const client = () => new Client({ name: 'Desk assistant', version: '1.0.0' });
    // Nothing but the MCP address: the 401 says where to go, and the SDK goes.
    const first = new StreamableHTTPClientTransport(serverUrl, { authProvider: provider });
    const refused = await client()
      .connect(first)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(UnauthorizedError);
    const authorization = provider.authorizationUrl as URL;
    expect(authorization.searchParams.get('resource')).toBe(serverUrl.href);

    const context = await site.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(authorization.toString());
    await page.fill('#email', PEOPLE.manager.email);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/connect-assistant\/\?/), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
    await Promise.all([page.waitForURL(`${callbackUrl}?**`), page.getByRole('button', { name: 'Allow' }).click()]);
    const back = new URL(page.url());
    await context.close();
    await first.finishAuth(back.searchParams);

    const connected = client();
    await connected.connect(new StreamableHTTPClientTransport(serverUrl, { authProvider: provider }));
    try {
      const { tools } = await connected.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual(['acknowledgements_due', 'get_page', 'my_training', 'search']);
      const training = await connected.callTool({ name: 'my_training', arguments: {} });
      expect(training.isError).toBeFalsy();
      expect(JSON.stringify(training.structuredContent)).toContain('basics');
      const found = await connected.callTool({ name: 'search', arguments: { query: 'refund' } });
      const results = (found.structuredContent as { results: { url: string; owner: string | null }[] }).results;
      expect(results[0]?.url).toBe(`${new URL('/policies/refunds/', results[0]?.url).origin}/policies/refunds/`);
    } finally {
      await connected.close();
    }
  });
});
