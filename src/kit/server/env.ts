/**
 * Every setting the server takes from the environment, read and checked once, at start.
 * A malformed value stops the server with a message that names the variable and the fix,
 * instead of turning silently into NaN or a default; production refuses to start without the
 * secrets a public deployment needs. The manual's configuration page (docs/reference/configuration.md) lists
 * the same names.
 */
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'astro/zod';

export type AccessMode = 'public' | 'signed-in';

export interface Env {
  production: boolean;
  host: string;
  port: number;
  /** Absolute folder the build was written to (dist). */
  outDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** Undefined outside production: the server then keeps a generated one beside the database. */
  authSecret: string | undefined;
  /** The address people reach the site at; undefined outside production (http://localhost:PORT). */
  baseUrl: string | undefined;
  access: AccessMode;
  /** Proxy addresses or ranges whose X-Forwarded-For is believed (proxy-addr syntax). */
  trustedProxies: string[];
  /** Email domains that may create their own account with a password; empty: nobody. */
  signUpDomains: string[];
  oidc: OidcSettings | undefined;
  corsOrigins: string[];
  /** Where pages may be embedded (CSP frame-ancestors), e.g. https://helpdesk.example.com. */
  frameAncestors: string[];
  searchRateLimit: number;
  /** Requests each API key may make per minute, whatever addresses they come from (a helpdesk's proxy sends many agents' at once). */
  apiKeyRateLimit: number;
  /** Search reports (a search that found nothing or was left) each client address may send per minute. */
  searchReportRateLimit: number;
  /** Page feedback posts each client address may send per minute. */
  feedbackRateLimit: number;
  signInRateLimit: {
    /** Sign-in attempts each client address may make per minute. */
    perClient: number;
    /** Failed sign-ins to one account from one client address per 15 minutes, before that address waits. */
    perAccountFromClient: number;
    /** Failed sign-ins to one account from all addresses per 15 minutes, before addresses that failed wait. */
    accountCeiling: number;
  };
  /** Host names (with a port where it is not the default) a production server answers besides BETTER_AUTH_URL's. */
  allowedHosts: string[];
  /** How long a stopping server lets requests in flight finish, in milliseconds. */
  shutdownTimeoutMs: number;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's name on the sign-in button, e.g. "Google Workspace". */
  name: string;
  /** Email domains allowed to sign in through it; empty: any the provider vouches for. */
  domains: string[];
}

export class EnvError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The server's settings are not valid:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const wholeNumber = (name: string, { min, max }: { min: number; max: number }) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { error: `${name}: write a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: `${name}: write a whole number from ${min} to ${max}` });

const httpUrl = (name: string, example: string) =>
  z
    .url({ protocol: /^https?$/, error: `${name}: write a full http(s) address, e.g. ${example}` })
    .transform((value) => value.replace(/\/+$/, ''));

const domain = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const domains = (name: string) =>
  z
    .string()
    .optional()
    .transform((value) => list(value).map((item) => item.toLowerCase().replace(/^@/, '')))
    .refine((items) => items.every((item) => domain.test(item)), {
      error: `${name}: write email domains separated by commas, e.g. kestrel.example,kestrel-connect.example`,
    });

const origin = /^https?:\/\/[^/\s]+$/;
const hostName = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::\d{1,5})?$/;

const schema = z.object({
  NODE_ENV: z.string().optional(),
  HOST: z.string().trim().min(1).default('localhost'),
  PORT: wholeNumber('PORT', { min: 1, max: 65535 }).default(4321),
  KNOWHOW_OUT_DIR: z.string().trim().min(1).default('dist'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || /^(postgres(ql)?:\/\/|file:)/.test(value), {
      error: 'DATABASE_URL: write postgres://user:password@host:5432/database, or file:path/to/knowhow.db for SQLite',
    }),
  BETTER_AUTH_SECRET: z
    .string()
    .optional()
    .refine((value) => value === undefined || value.length >= 32, {
      error: 'BETTER_AUTH_SECRET: use at least 32 random characters, e.g. the output of `openssl rand -base64 32`',
    }),
  BETTER_AUTH_URL: httpUrl('BETTER_AUTH_URL', 'https://handbook.kestrel.example').optional(),
  KNOWHOW_ACCESS: z.enum(['public', 'signed-in'], { error: 'KNOWHOW_ACCESS: write public or signed-in' }).default('public'),
  KNOWHOW_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform(list)
    .refine((items) => items.every(isProxyAddress), {
      error: 'KNOWHOW_TRUSTED_PROXIES: write addresses or ranges separated by commas, e.g. 10.0.0.5,10.1.0.0/16, or loopback',
    }),
  KNOWHOW_SIGNUP_DOMAINS: domains('KNOWHOW_SIGNUP_DOMAINS'),
  KNOWHOW_OIDC_ISSUER: httpUrl('KNOWHOW_OIDC_ISSUER', 'https://accounts.google.com').optional(),
  KNOWHOW_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  KNOWHOW_OIDC_CLIENT_SECRET: z.string().trim().min(1).optional(),
  KNOWHOW_OIDC_NAME: z.string().trim().min(1).default('single sign-on'),
  KNOWHOW_OIDC_DOMAINS: domains('KNOWHOW_OIDC_DOMAINS'),
  KNOWHOW_CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) => list(value).map((item) => item.replace(/\/$/, '')))
    .refine((items) => items.every((item) => origin.test(item)), {
      error: 'KNOWHOW_CORS_ORIGINS: write origins separated by commas, e.g. https://helpdesk.example.com',
    }),
  KNOWHOW_FRAME_ANCESTORS: z
    .string()
    .optional()
    .transform((value) => list(value).map((item) => item.replace(/\/$/, '')))
    .refine((items) => items.every((item) => origin.test(item) || item === "'self'"), {
      error: "KNOWHOW_FRAME_ANCESTORS: write origins separated by commas, e.g. https://helpdesk.example.com, or 'self'",
    }),
  KNOWHOW_SEARCH_RATE_LIMIT: wholeNumber('KNOWHOW_SEARCH_RATE_LIMIT', { min: 1, max: 1_000_000 }).default(120),
  KNOWHOW_API_KEY_RATE_LIMIT: wholeNumber('KNOWHOW_API_KEY_RATE_LIMIT', { min: 1, max: 10_000_000 }).default(3000),
  KNOWHOW_SEARCH_REPORT_RATE_LIMIT: wholeNumber('KNOWHOW_SEARCH_REPORT_RATE_LIMIT', { min: 1, max: 1_000_000 }).default(60),
  KNOWHOW_FEEDBACK_RATE_LIMIT: wholeNumber('KNOWHOW_FEEDBACK_RATE_LIMIT', { min: 1, max: 1_000_000 }).default(20),
  KNOWHOW_SIGNIN_RATE_LIMIT: wholeNumber('KNOWHOW_SIGNIN_RATE_LIMIT', { min: 1, max: 100_000 }).default(20),
  KNOWHOW_SIGNIN_ACCOUNT_LIMIT: wholeNumber('KNOWHOW_SIGNIN_ACCOUNT_LIMIT', { min: 1, max: 100_000 }).default(10),
  KNOWHOW_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((value) => list(value).map((item) => item.toLowerCase()))
    .refine((items) => items.every((item) => hostName.test(item)), {
      error:
        'KNOWHOW_ALLOWED_HOSTS: write host names separated by commas, with a port where it is not 80 or 443, e.g. kb.kestrel.example,10.0.0.7:4321',
    }),
  KNOWHOW_SHUTDOWN_TIMEOUT: wholeNumber('KNOWHOW_SHUTDOWN_TIMEOUT', { min: 0, max: 3600 }).default(10),
  KNOWHOW_SIGNIN_ACCOUNT_CEILING: wholeNumber('KNOWHOW_SIGNIN_ACCOUNT_CEILING', { min: 1, max: 1_000_000 }).default(100),
});

/** proxy-addr's names for address ranges, beside plain addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(value: string): boolean {
  if (PROXY_RANGE_NAMES.has(value)) return true;
  const [address = '', bits, ...rest] = value.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  const size = Number(bits);
  return /^\d+$/.test(bits) && size <= (family === 4 ? 32 : 128);
}

/**
 * The settings from `source` (process.env), with paths resolved against `projectRoot`.
 * Throws EnvError listing every problem at once.
 */
export function loadEnv(source: Record<string, string | undefined>, projectRoot: string): Env {
  // An empty variable is treated as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((issue) => issue.message));
  const value = parsed.data;
  const production = value.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !value.BETTER_AUTH_SECRET) {
    problems.push(
      'BETTER_AUTH_SECRET is required in production: set it to at least 32 random characters, e.g. `export BETTER_AUTH_SECRET=$(openssl rand -base64 32)`, and keep it the same across restarts and servers',
    );
  }
  if (production && !value.BETTER_AUTH_URL) {
    problems.push('BETTER_AUTH_URL is required in production: set it to the address people open, e.g. https://handbook.kestrel.example');
  }
  const oidcParts = [value.KNOWHOW_OIDC_ISSUER, value.KNOWHOW_OIDC_CLIENT_ID, value.KNOWHOW_OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    problems.push('single sign-on needs all three of KNOWHOW_OIDC_ISSUER, KNOWHOW_OIDC_CLIENT_ID and KNOWHOW_OIDC_CLIENT_SECRET');
  }
  if (problems.length > 0) throw new EnvError(problems);
  const databaseUrl = value.DATABASE_URL;
  return {
    production,
    host: value.HOST,
    port: value.PORT,
    outDir: resolve(projectRoot, value.KNOWHOW_OUT_DIR),
    database: databaseUrl?.startsWith('postgres')
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'sqlite', file: sqliteFile(databaseUrl, projectRoot) },
    authSecret: value.BETTER_AUTH_SECRET,
    baseUrl: value.BETTER_AUTH_URL,
    access: value.KNOWHOW_ACCESS,
    trustedProxies: value.KNOWHOW_TRUSTED_PROXIES,
    signUpDomains: value.KNOWHOW_SIGNUP_DOMAINS,
    oidc:
      value.KNOWHOW_OIDC_ISSUER && value.KNOWHOW_OIDC_CLIENT_ID && value.KNOWHOW_OIDC_CLIENT_SECRET
        ? {
            issuer: value.KNOWHOW_OIDC_ISSUER,
            clientId: value.KNOWHOW_OIDC_CLIENT_ID,
            clientSecret: value.KNOWHOW_OIDC_CLIENT_SECRET,
            name: value.KNOWHOW_OIDC_NAME,
            domains: value.KNOWHOW_OIDC_DOMAINS,
          }
        : undefined,
    corsOrigins: value.KNOWHOW_CORS_ORIGINS,
    frameAncestors: value.KNOWHOW_FRAME_ANCESTORS,
    searchRateLimit: value.KNOWHOW_SEARCH_RATE_LIMIT,
    apiKeyRateLimit: value.KNOWHOW_API_KEY_RATE_LIMIT,
    searchReportRateLimit: value.KNOWHOW_SEARCH_REPORT_RATE_LIMIT,
    feedbackRateLimit: value.KNOWHOW_FEEDBACK_RATE_LIMIT,
    signInRateLimit: {
      perClient: value.KNOWHOW_SIGNIN_RATE_LIMIT,
      perAccountFromClient: value.KNOWHOW_SIGNIN_ACCOUNT_LIMIT,
      accountCeiling: value.KNOWHOW_SIGNIN_ACCOUNT_CEILING,
    },
    allowedHosts: value.KNOWHOW_ALLOWED_HOSTS,
    shutdownTimeoutMs: value.KNOWHOW_SHUTDOWN_TIMEOUT * 1000,
  };
}

export const DEFAULT_DATABASE_FILE = 'data/knowhow.db';

function sqliteFile(url: string | undefined, projectRoot: string): string {
  const path = url ? url.replace(/^file:(\/\/)?/, '') : DEFAULT_DATABASE_FILE;
  return isAbsolute(path) ? path : resolve(projectRoot, path);
}

/** The address the site is reached at: BETTER_AUTH_URL, or this machine outside production. */
export function siteOrigin(env: Env): string {
  return env.baseUrl ?? `http://${env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host}:${env.port}`;
}
