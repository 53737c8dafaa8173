/**
 * Everything a request may need, made once per server process and handed to every route and
 * page through Astro's `locals` (cli/serve.ts; src/middleware.ts in the dev server):
 * settings, the handbook's content, the database, better-auth, the audit log, the rate limiters
 * and the clock.
 * Services take what they need from it explicitly, so tests build one on a temporary database.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { type AuditLog, createAuditLog, type Auth, createAuth } from '../features/accounts/server.ts';
import { type DatabaseHandle, openDatabase } from '../kit/server/db/connect.ts';
import { migrate } from '../kit/server/db/migrate.ts';
import type { Database } from '../kit/server/db/schema.ts';
import type { Env } from '../kit/server/env.ts';
import { readBuiltContent, type ServedContent } from '../features/handbook/server.ts';
import { closeUsage, createUsageCounter, type UsageCounter } from '../features/mcp/usage.ts';
import { type Pseudonymise, pseudonymiser } from '../kit/server/pseudonyms.ts';
import { createRateLimiter, type RateLimiter } from '../kit/server/rate-limit.ts';
import { createSharedRateLimiter, type SharedRateLimiter } from '../kit/server/rate-limit-store.ts';

export interface AppContext {
  env: Env;
  /**
   * The handbook being served: the build's manifest with its quizzes and texts to acknowledge,
   * read once; in the dev server, the live site model. Every route and page asks here.
   */
  manifest(): Promise<ServedContent>;
  database: DatabaseHandle;
  db: Kysely<Database>;
  auth: Auth;
  audit: AuditLog;
  now: () => Date;
  /** One limiter for every search path (the API and the results page), per client address. */
  searchLimiter: RateLimiter;
  /** Per API key, for every route a key calls: in place of the per-address limits, as a key's requests may all come through one proxy. */
  apiKeyLimiter: RateLimiter;
  /** The MCP tools' calls counted since they were last written (features/mcp). */
  mcpUsage: UsageCounter;
  /**
   * Per client address, in memory: search reports and page feedback. Kept out of the database
   * on purpose, so that no address is ever written next to what people searched for.
   */
  searchReportLimiter: RateLimiter;
  feedbackLimiter: RateLimiter;
  /** Keyed hashes of client addresses, for what must be recognised without being stored (pseudonyms.ts). */
  pseudonym: Pseudonymise;
  /** In the database, so that several servers count together (auth/sign-in.ts). */
  signInLimits: SignInLimits;
  close(): Promise<void>;
}

export interface SignInLimits {
  /** Every attempt, per client address. */
  perClient: SharedRateLimiter;
  /** Failures, per account and client address. */
  perAccountFromClient: SharedRateLimiter;
  /** Failures, per account from all addresses. */
  perAccount: SharedRateLimiter;
}

const SIGN_IN_CLIENT_WINDOW_MS = 60_000;
const SIGN_IN_ACCOUNT_WINDOW_MS = 15 * 60_000;

export interface AppOptions {
  now?: () => Date;
  /** Where the content comes from; by default the build in env.outDir, read on first use. */
  manifest?: () => Promise<ServedContent>;
  /** Where a generated secret is kept outside production (BETTER_AUTH_SECRET unset). */
  devSecretFile: string;
}

/** Opens the database, brings it up to date and sets up sign-in. */
export async function startApp(env: Env, { now = () => new Date(), devSecretFile, manifest }: AppOptions): Promise<AppContext> {
  const database = openDatabase(env.database);
  try {
    const { db, kind } = database;
    const audit = createAuditLog({ db, now });
    const secret = env.authSecret ?? developmentSecret(devSecretFile);
    const auth = createAuth({ db, kind, env, secret, audit });
    await migrate(database, auth.options);
    const app: AppContext = {
      env,
      manifest: manifest ?? builtContent(join(env.outDir, 'server')),
      database,
      db,
      auth,
      audit,
      now,
      searchLimiter: createRateLimiter({ limit: env.searchRateLimit, windowMs: 60_000 }),
      apiKeyLimiter: createRateLimiter({ limit: env.apiKeyRateLimit, windowMs: 60_000 }),
      mcpUsage: createUsageCounter(),
      searchReportLimiter: createRateLimiter({ limit: env.searchReportRateLimit, windowMs: 60_000 }),
      feedbackLimiter: createRateLimiter({ limit: env.feedbackRateLimit, windowMs: 60_000 }),
      pseudonym: pseudonymiser(secret),
      signInLimits: {
        perClient: createSharedRateLimiter(db, {
          name: 'sign-in:client',
          limit: env.signInRateLimit.perClient,
          windowMs: SIGN_IN_CLIENT_WINDOW_MS,
        }),
        perAccountFromClient: createSharedRateLimiter(db, {
          name: 'sign-in:failures',
          limit: env.signInRateLimit.perAccountFromClient,
          windowMs: SIGN_IN_ACCOUNT_WINDOW_MS,
        }),
        perAccount: createSharedRateLimiter(db, {
          name: 'sign-in:account',
          limit: env.signInRateLimit.accountCeiling,
          windowMs: SIGN_IN_ACCOUNT_WINDOW_MS,
        }),
      },
      async close() {
        // The MCP tools' call counts not yet written.
        await closeUsage(app).catch((error: unknown) => console.error('Writing the MCP call counts failed:', error));
        await database.close();
      },
    };
    return app;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The build's content, read once, when first asked for: a server without a build never asks. */
function builtContent(serverDir: string): () => Promise<ServedContent> {
  let content: Promise<ServedContent> | undefined;
  return () => {
    content ??= Promise.resolve().then(() => readBuiltContent(serverDir));
    return content;
  };
}

/**
 * Outside production a missing BETTER_AUTH_SECRET is generated once and kept in a file, so
 * sessions outlive a restart; it is never a value built into the code.
 */
function developmentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
