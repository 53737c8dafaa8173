/**
 * For a describe block: a new database of `kind` with PEOPLE in it, the app context on it, and a
 * built site's real server on that database, started before the block's tests (after `prepare`,
 * for people or data the tests need; `env` adds the server's settings) and stopped, closed and
 * dropped after. Nothing is started when the database is not there; the tests skip themselves
 * with `kind.available`.
 *
 * One setup, so that every test that talks to a served site starts it the same way and cleans up
 * after itself the same way. What some tests need beside it is an option here, not a copy:
 * - `env` may be a function, called as the servers start, for settings only earlier hooks know
 *   (a port, another service's address);
 * - `people: false` leaves the database without PEOPLE (a test that makes its own);
 * - `signIn` signs people in over the API once the server is up: `cookies[name]` is the session
 *   cookie of `signIn[name]`, an email;
 * - `servers: n` starts n servers on the one database at the same moment, before the app context,
 *   so their migrations meet on a fresh database (`servers`; `server` is the first);
 * - `browser: true` launches Chromium beside the server (`browser`);
 * - `restart()` stops the server (or finds it killed) and starts it again on the same database,
 *   from another built site when given one: a restart after a crash, or the next release.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { AppContext } from '../../src/server/app.ts';
import { launchChromium } from './chromium.ts';
import type { DatabaseKindUnderTest, TestDatabase } from './databases.ts';
import { seedPeople, signIn as signInOverApi, testApp } from './people.ts';
import { type RunningServer, startServer } from './server.ts';

export interface ServedSite<Name extends string = never> {
  readonly app: AppContext;
  readonly server: RunningServer;
  /** Every server started, `server` first (one unless `servers` says more). */
  readonly servers: RunningServer[];
  /** Chromium, with `browser: true`. */
  readonly browser: Browser;
  /** Session cookies of the people in `signIn`, by the names given there. */
  readonly cookies: Record<Name, string>;
  /** Stops the server and starts it again on the same database, from `distDir` (by default the same site). */
  restart(distDir?: string): Promise<RunningServer>;
}

export interface ServedSiteOptions<Name extends string = never> {
  prepare?: (app: AppContext) => Promise<void>;
  env?: Record<string, string> | (() => Record<string, string>);
  people?: boolean;
  signIn?: Record<Name, string>;
  servers?: number;
  browser?: boolean;
}

export function useServedSite<Name extends string = never>(
  kind: DatabaseKindUnderTest,
  distDir: string,
  {
    prepare,
    env = {},
    people = true,
    signIn = {} as Record<Name, string>,
    servers: count = 1,
    browser: withBrowser = false,
  }: ServedSiteOptions<Name> = {},
): ServedSite<Name> {
  let db: TestDatabase | undefined;
  let app: AppContext | undefined;
  let servers: RunningServer[] = [];
  let browser: Browser | undefined;
  const cookies = {} as Record<Name, string>;
  const start = (dist: string) =>
    startServer(dist, { ...(typeof env === 'function' ? env() : env), DATABASE_URL: (db as TestDatabase).url });
  const startServers = async () => {
    [servers, browser] = await Promise.all([
      Promise.all(Array.from({ length: count }, () => start(distDir))),
      withBrowser ? launchChromium() : undefined,
    ]);
  };
  beforeAll(async () => {
    if (!kind.available) return;
    db = await kind.create();
    if (count > 1) await startServers();
    app = await testApp(db.url);
    if (people) await seedPeople(app);
    await prepare?.(app);
    if (count === 1) await startServers();
    for (const name of Object.keys(signIn) as Name[]) cookies[name] = await signInOverApi((servers[0] as RunningServer).url, signIn[name]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.stop()));
    await app?.close();
    await db?.drop();
  });
  return {
    get app() {
      return app as AppContext;
    },
    get server() {
      return servers[0] as RunningServer;
    },
    get servers() {
      return servers;
    },
    get browser() {
      return browser as Browser;
    },
    cookies,
    async restart(dist = distDir) {
      await servers[0]?.stop();
      servers[0] = await start(dist);
      return servers[0];
    },
  };
}
