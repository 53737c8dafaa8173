/**
 * A real OpenID Connect provider (the oidc-provider package, as identity servers are built
 * with it) on a free loopback port, for single sign-on tests. Its development sign-in page
 * takes any login name; the person's email is `<login>@<domain>` unless the login is already
 * an email address.
 */
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './server.ts';

export interface RunningProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

export async function startOidcProvider({
  redirectUri,
  domain = 'fixture.example',
}: {
  redirectUri: string;
  domain?: string;
}): Promise<RunningProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'knowhow';
  const clientSecret = 'knowhow-test-client-secret';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['oidc-provider-test-cookie-key'] },
    async findAccount(_context, login) {
      const email = login.includes('@') ? login : `${login}@${domain}`;
      const name = email
        .split('@')[0]
        ?.split('.')
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join(' ');
      return { accountId: login, claims: async () => ({ sub: login, email, email_verified: true, name }) };
    },
  });
  // Its dev pages would log every interaction; the tests read the outcome instead.
  provider.on('server_error', (_context, error) => console.error('OpenID provider error:', error));
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
