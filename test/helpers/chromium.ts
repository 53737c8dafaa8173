/**
 * Debian's Chromium for browser tests (`apt-get install chromium`; .ci/run installs it).
 * Without it the browser tests are skipped and say so.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { sqlite } from './databases.ts';
import { PASSWORD } from './people.ts';
import { type ServedSite, useServedSite } from './served-site.ts';

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

/**
 * For a describe block: Chromium and the built site's real server, started before its tests and
 * stopped after: the served-site setup, on a database of its own with nobody in it.
 */
export function useSiteInChromium(distDir: string): ServedSite {
  return useServedSite(sqlite, distDir, { people: false, browser: true });
}

/**
 * Signs `email` in on the site's sign-in page in `page`, as a person does, and waits until it
 * lands on `next` (the home page unless given; `next` is also asked for in the page's address).
 * The browser tests all sign in this one way, so a change to the sign-in page is made in one place.
 * `by`: 'click' fills both fields and clicks the password form's button; 'enter' fills them and
 * presses Enter; 'keyboard' types into the email field the page focuses, Tab, the password, Enter.
 */
export async function signInInBrowser(
  page: Page,
  baseUrl: string,
  email: string,
  { password = PASSWORD, next, by = 'click' }: { password?: string; next?: string; by?: 'click' | 'enter' | 'keyboard' } = {},
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in/${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  if (by === 'keyboard') {
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
  } else {
    await page.fill('#email', email);
    await page.fill('#password', password);
  }
  await Promise.all([
    page.waitForURL(`${baseUrl}${next ?? '/'}`),
    by === 'click' ? page.getByRole('button', { name: 'Sign in', exact: true }).click() : page.keyboard.press('Enter'),
  ]);
}
