/**
 * The dev server (`npm run dev`) has no scripts/serve.ts in front of Astro: the first
 * on-demand request starts the app context here, once per dev server.
 */
import { join } from 'node:path';
import { type AppContext, startApp } from './app.ts';
import { loadEnv } from './env.ts';

let pending: Promise<AppContext> | undefined;

export function devApp(): Promise<AppContext> {
  const projectRoot = process.cwd();
  pending ??= startApp(loadEnv(process.env, projectRoot), { devSecretFile: join(projectRoot, DEV_SECRET_FILE) });
  return pending;
}

/** Where a generated secret is kept when BETTER_AUTH_SECRET is unset outside production. */
export const DEV_SECRET_FILE = 'data/dev-auth-secret';
