/**
 * The dev server (`npm run dev`) has no cli/serve.ts in front of Astro: the first
 * on-demand request starts the app context here, once per dev server.
 */
import { join } from 'node:path';
import { type AppContext, startApp } from './app.ts';
import { loadEnv } from '../kit/server/env.ts';
import type { ServedContent } from '../features/handbook/server.ts';

let pending: Promise<AppContext> | undefined;

/** `manifest`: the live site model (middleware.ts gives it; nothing on the server reads astro:content). */
export function devApp(manifest: () => Promise<ServedContent>): Promise<AppContext> {
  const projectRoot = process.cwd();
  pending ??= startApp(loadEnv(process.env, projectRoot), { devSecretFile: join(projectRoot, DEV_SECRET_FILE), manifest });
  return pending;
}

/** Where a generated secret is kept when BETTER_AUTH_SECRET is unset outside production. */
export const DEV_SECRET_FILE = 'data/dev-auth-secret';
