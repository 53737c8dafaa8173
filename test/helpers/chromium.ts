/**
 * Debian's Chromium for browser tests (`apt-get install chromium`; .ci/run installs it).
 * Without it the browser tests are skipped and say so.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from './server.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface SiteInChromium {
  readonly browser: Browser;
  readonly server: RunningServer;
}

/** For a describe block: Chromium and the built site's real server, started before its tests and stopped after. */
export function useSiteInChromium(distDir: string): SiteInChromium {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startServer(distDir)]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
  });
  return {
    get browser() {
      return browser as Browser;
    },
    get server() {
      return server as RunningServer;
    },
  };
}
