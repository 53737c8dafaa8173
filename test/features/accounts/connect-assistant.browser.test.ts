/**
 * Connecting an assistant in Chromium, as a person does it: the assistant opens the
 * authorization address in the browser, the person signs in on a private handbook and answers
 * the consent page by keyboard alone, in their own language, and the browser lands on the
 * assistant's own callback (another origin) with a code. The form's redirect to that origin must
 * not break the Content-Security-Policy (form-action), and the page passes the WCAG checks.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail, setUserLanguage } from '../../../src/features/accounts/server.ts';
import { violationsInBothSchemes } from '../../helpers/axe.ts';
import { hasChromium } from '../../helpers/chromium.ts';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';
import { freePort } from '../../helpers/server.ts';

describe.skipIf(!hasChromium)('connecting an assistant, in Chromium', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, {
    browser: true,
    env: { KNOWHOW_ACCESS: 'signed-in' },
    prepare: async (app) => {
      const manager = await findUserByEmail(app, PEOPLE.manager.email);
      await setUserLanguage(app, manager?.id as string, 'de');
    },
  });
  /** The assistant's own loopback callback, as a desktop assistant listens for it. */
  let callback: Server;
  let redirectUri: string;
  const violations: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redirectUri = `http://127.0.0.1:${port}/callback`;
    callback = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('The assistant is connected; you can close this tab.');
    });
    await new Promise<void>((resolve) => callback.listen(port, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => callback?.close(resolve));
  });

  async function registerAssistant(name: string): Promise<string> {
    const response = await fetch(`${site.server.url}/api/auth/oauth2/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_name: name, redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { client_id: string }).client_id;
  }

  function authorizeUrl(clientId: string): string {
    return `${site.server.url}/api/auth/oauth2/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: 'profile email offline_access',
      state: 'from-the-assistant',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGjSstw-cM',
      code_challenge_method: 'S256',
      resource: `${site.server.url}/mcp`,
    })}`;
  }

  async function newPage(): Promise<Page> {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !/\b4\d\d\b/.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => violations.push(`${page.url()}: ${error.message}`));
    return page;
  }

  /** Tabs from wherever the focus is to the button named `name`, as a keyboard user would. */
  async function tabTo(page: Page, name: string): Promise<void> {
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
    }
    throw new Error(`No button "${name}" reached with Tab`);
  }

  async function signInByKeyboard(page: Page, email: string): Promise<void> {
    expect(new URL(page.url()).pathname).toBe('/sign-in/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/connect-assistant\/\?/);
  }

  it('signs the person in, asks them by keyboard, and sends the browser back to the assistant with a code', async () => {
    const clientId = await registerAssistant('Desk Assistant');
    const page = await newPage();
    await page.goto(authorizeUrl(clientId));
    await signInByKeyboard(page, PEOPLE.member.email);
    expect(await page.locator('h1').textContent()).toBe('Connect Desk Assistant to the handbook?');
    expect(await page.locator('main').textContent()).toContain('see your training');
    expect(await violationsInBothSchemes(page)).toEqual([]);
    await tabTo(page, 'Allow');
    await Promise.all([page.waitForURL(`${redirectUri}?**`), page.keyboard.press('Enter')]);
    const back = new URL(page.url());
    expect(back.searchParams.get('code')).toEqual(expect.any(String));
    expect(back.searchParams.get('state')).toBe('from-the-assistant');
    expect(violations).toEqual([]);

    // Allowed once: the next authorization goes straight back, from the signed-in browser.
    await page.goto(authorizeUrl(clientId));
    expect(page.url()).toMatch(new RegExp(`^${redirectUri}\\?code=`));
    await page.context().close();
  });

  it('asks in the person’s language, and denying goes back to the assistant with access_denied', async () => {
    const clientId = await registerAssistant('Kundenassistent');
    const page = await newPage();
    await page.goto(authorizeUrl(clientId));
    await signInByKeyboard(page, PEOPLE.manager.email);
    expect(await page.locator('h1').textContent()).toBe('Kundenassistent mit dem Handbuch verbinden?');
    await tabTo(page, 'Ablehnen');
    await Promise.all([page.waitForURL(`${redirectUri}?**`), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
