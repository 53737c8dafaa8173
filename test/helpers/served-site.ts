/**
 * For a describe block: a new database of `kind` with PEOPLE in it, the app context on it, and a
 * built site's real server on that database, started before the block's tests (after `prepare`,
 * for people or data the tests need; with `env` for the server's settings) and stopped, closed
 * and dropped after. Nothing is started
 * when the database is not there; the tests skip themselves with `kind.available`.
 */
import { afterAll, beforeAll } from 'vitest';
import type { AppContext } from '../../src/lib/server/app.ts';
import type { DatabaseKindUnderTest, TestDatabase } from './databases.ts';
import { seedPeople, testApp } from './people.ts';
import { type RunningServer, startServer } from './server.ts';

export interface ServedSite {
  readonly app: AppContext;
  readonly server: RunningServer;
}

export function useServedSite(
  kind: DatabaseKindUnderTest,
  distDir: string,
  { prepare, env = {} }: { prepare?: (app: AppContext) => Promise<void>; env?: Record<string, string> } = {},
): ServedSite {
  let db: TestDatabase | undefined;
  let app: AppContext | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    if (!kind.available) return;
    db = await kind.create();
    app = await testApp(db.url);
    await seedPeople(app);
    await prepare?.(app);
    server = await startServer(distDir, { ...env, DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await server?.stop();
    await app?.close();
    await db?.drop();
  });
  return {
    get app() {
      return app as AppContext;
    },
    get server() {
      return server as RunningServer;
    },
  };
}
