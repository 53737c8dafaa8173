/** The environment module: every setting read once, checked, typed; production refuses to start without its secrets. */
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../../../src/kit/server/env.ts';

const ROOT = '/srv/knowhow';
const SECRET = 'x'.repeat(32);

function problems(source: Record<string, string | undefined>): string[] {
  try {
    loadEnv(source, ROOT);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadEnv', () => {
  it('gives the documented defaults for a bare environment', () => {
    const env = loadEnv({}, ROOT);
    expect(env).toMatchObject({
      production: false,
      host: 'localhost',
      port: 4321,
      outDir: '/srv/knowhow/dist',
      database: { kind: 'sqlite', file: '/srv/knowhow/data/knowhow.db' },
      access: 'public',
      trustedProxies: [],
      signUpDomains: [],
      oidc: undefined,
      searchRateLimit: 120,
      searchReportRateLimit: 60,
      feedbackRateLimit: 20,
      signInRateLimit: { perClient: 20, perAccountFromClient: 10, accountCeiling: 100 },
      allowedHosts: [],
      shutdownTimeoutMs: 10_000,
    });
  });

  it('reads the extra host names and the time a stop waits for requests', () => {
    const env = loadEnv({ KNOWHOW_ALLOWED_HOSTS: 'KB.Kestrel.example, 10.0.0.7:4321', KNOWHOW_SHUTDOWN_TIMEOUT: '30' }, ROOT);
    expect(env.allowedHosts).toEqual(['kb.kestrel.example', '10.0.0.7:4321']);
    expect(env.shutdownTimeoutMs).toBe(30_000);
    expect(problems({ KNOWHOW_ALLOWED_HOSTS: 'https://kb.kestrel.example/', KNOWHOW_SHUTDOWN_TIMEOUT: '-1' })).toEqual([
      'KNOWHOW_ALLOWED_HOSTS: write host names separated by commas, with a port where it is not 80 or 443, e.g. kb.kestrel.example,10.0.0.7:4321',
      'KNOWHOW_SHUTDOWN_TIMEOUT: write a whole number from 0 to 3600',
    ]);
  });

  it('reads PostgreSQL and SQLite addresses, proxies, domains and single sign-on', () => {
    const env = loadEnv(
      {
        DATABASE_URL: 'postgres://knowhow:secret@db:5432/knowhow',
        KNOWHOW_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,loopback',
        KNOWHOW_SIGNUP_DOMAINS: '@Kestrel.example',
        KNOWHOW_OIDC_ISSUER: 'https://id.kestrel.example/realms/staff/',
        KNOWHOW_OIDC_CLIENT_ID: 'knowhow',
        KNOWHOW_OIDC_CLIENT_SECRET: 'shh',
        KNOWHOW_OIDC_DOMAINS: 'kestrel.example',
      },
      ROOT,
    );
    expect(env.database).toEqual({ kind: 'postgres', url: 'postgres://knowhow:secret@db:5432/knowhow' });
    expect(env.trustedProxies).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback']);
    expect(env.signUpDomains).toEqual(['kestrel.example']);
    expect(env.oidc).toEqual({
      issuer: 'https://id.kestrel.example/realms/staff',
      clientId: 'knowhow',
      clientSecret: 'shh',
      name: 'single sign-on',
      domains: ['kestrel.example'],
    });
    expect(loadEnv({ DATABASE_URL: 'file:/var/lib/knowhow.db' }, ROOT).database).toEqual({ kind: 'sqlite', file: '/var/lib/knowhow.db' });
  });

  it('treats an empty variable as unset, never as zero', () => {
    expect(loadEnv({ KNOWHOW_SEARCH_RATE_LIMIT: '', PORT: ' ' }, ROOT)).toMatchObject({ searchRateLimit: 120, port: 4321 });
  });

  it('refuses malformed values, naming the variable and the fix, all at once', () => {
    expect(
      problems({
        KNOWHOW_SEARCH_RATE_LIMIT: 'abc',
        PORT: '99999',
        BETTER_AUTH_URL: 'handbook.kestrel.example',
        KNOWHOW_ACCESS: 'private',
        KNOWHOW_TRUSTED_PROXIES: '10.0.0.300',
        DATABASE_URL: 'mysql://db/knowhow',
        KNOWHOW_CORS_ORIGINS: 'helpdesk.example.com',
      }),
    ).toMatchInlineSnapshot(`
      [
        "PORT: write a whole number from 1 to 65535",
        "DATABASE_URL: write postgres://user:password@host:5432/database, or file:path/to/knowhow.db for SQLite",
        "BETTER_AUTH_URL: write a full http(s) address, e.g. https://handbook.kestrel.example",
        "KNOWHOW_ACCESS: write public or signed-in",
        "KNOWHOW_TRUSTED_PROXIES: write addresses or ranges separated by commas, e.g. 10.0.0.5,10.1.0.0/16, or loopback",
        "KNOWHOW_CORS_ORIGINS: write origins separated by commas, e.g. https://helpdesk.example.com",
        "KNOWHOW_SEARCH_RATE_LIMIT: write a whole number from 1 to 1000000",
      ]
    `);
    expect(problems({ KNOWHOW_SEARCH_RATE_LIMIT: '0' })).toEqual(['KNOWHOW_SEARCH_RATE_LIMIT: write a whole number from 1 to 1000000']);
    expect(problems({ KNOWHOW_SEARCH_RATE_LIMIT: '12.5' })).toHaveLength(1);
  });

  it('refuses to run in production without a secret of 32 characters and the site address', () => {
    expect(problems({ NODE_ENV: 'production' })).toMatchInlineSnapshot(`
      [
        "BETTER_AUTH_SECRET is required in production: set it to at least 32 random characters, e.g. \`export BETTER_AUTH_SECRET=$(openssl rand -base64 32)\`, and keep it the same across restarts and servers",
        "BETTER_AUTH_URL is required in production: set it to the address people open, e.g. https://handbook.kestrel.example",
      ]
    `);
    expect(problems({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'short', BETTER_AUTH_URL: 'https://h.example' })).toEqual([
      'BETTER_AUTH_SECRET: use at least 32 random characters, e.g. the output of `openssl rand -base64 32`',
    ]);
    expect(problems({ NODE_ENV: 'production', BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: 'https://h.example' })).toEqual([]);
  });

  it('needs all three single sign-on settings or none', () => {
    expect(problems({ KNOWHOW_OIDC_ISSUER: 'https://id.example' })).toEqual([
      'single sign-on needs all three of KNOWHOW_OIDC_ISSUER, KNOWHOW_OIDC_CLIENT_ID and KNOWHOW_OIDC_CLIENT_SECRET',
    ]);
  });
});
