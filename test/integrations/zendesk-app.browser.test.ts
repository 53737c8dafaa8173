/**
 * The Zendesk app's page (integrations/zendesk/assets/iframe.html) in Chromium, served from an
 * origin of its own as Zendesk serves apps, with a stand-in for Zendesk's SDK: Zendesk's CDN
 * address is answered with a ZAFClient that gives the ticket's subject and the agent's locale,
 * passes client.request() to a proxy in the test (as Zendesk's proxy does, filling in the secure
 * setting server-side) that asks the real Knowhow server, and records client.invoke(). What this
 * cannot show is Zendesk itself: see docs/admin/helpdesk-sidebar.md.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/chromium.ts';
import { sqlite } from '../helpers/databases.ts';
import { FIXTURE_DIST, FIXTURE_OUTPUT, PROJECT_ROOT } from '../helpers/fixture-site.ts';
import { type ServedSite, useServedSite } from '../helpers/served-site.ts';
import { createApiKey } from '../../src/features/api-keys/server.ts';

const ASSETS = join(PROJECT_ROOT, 'integrations/zendesk/assets');
const ZAF_SDK = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

/** The stand-in for Zendesk's SDK: ZAFClient.init() with get, metadata, request (through the test's proxy), invoke and on. */
const FAKE_ZAF = `
window.__invoked = [];
window.ZAFClient = {
  init() {
    const ticket = window.__ticket;
    return {
      metadata: async () => ({ settings: { knowhow_url: ticket.knowhowUrl } }),
      get: async (paths) => Object.fromEntries([].concat(paths).map((path) => [path, ticket[path]])),
      request: async (options) => {
        const answer = await window.__zendeskProxy(options);
        if (answer.status >= 400) throw { status: answer.status, responseText: answer.text };
        return options.dataType === 'json' ? JSON.parse(answer.text) : answer.text;
      },
      invoke: async (name, ...args) => { window.__invoked.push([name, ...args]); },
      on: () => {},
    };
  },
};`;

/** The app's files served from an origin of their own, as Zendesk serves an app, and a ticket page opener with the stand-in SDK. */
function useZendesk(site: ServedSite, settings: { apiKey: () => string }) {
  let appHost: Server | undefined;
  let appOrigin = '';
  const proxied: { url: string; headers: Record<string, string>; secure: boolean }[] = [];

  beforeAll(async () => {
    appHost = createServer((request, response) => {
      const path = join(ASSETS, (request.url ?? '/').split('?')[0]?.replace(/^\/+/, '') ?? '');
      if (!path.startsWith(ASSETS)) return void response.writeHead(404).end();
      try {
        const body = readFileSync(path);
        response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => appHost?.listen(0, '127.0.0.1', resolve));
    appOrigin = `http://localhost:${(appHost.address() as AddressInfo).port}`;
    mkdirSync(`${FIXTURE_OUTPUT}screenshots/`, { recursive: true });
  });
  afterAll(() => new Promise<void>((resolve) => (appHost ? appHost.close(() => resolve()) : resolve())));

  async function openTicket(subject: string, locale = 'en-US'): Promise<Page> {
    const apiKey = settings.apiKey();
    const page = await site.browser.newPage();
    await page.route(ZAF_SDK, (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_ZAF }));
    // Zendesk's proxy: fills in {{setting.*}} on its server, so the key never reaches the browser.
    await page.exposeFunction('__zendeskProxy', async (options: { url: string; headers?: Record<string, string>; secure?: boolean }) => {
      const headers = Object.fromEntries(
        Object.entries(options.headers ?? {}).map(([name, value]) => [name, value.replace('{{setting.api_key}}', apiKey).trim()]),
      );
      proxied.push({ url: options.url, headers: options.headers ?? {}, secure: options.secure === true });
      const response = await fetch(options.url, { headers });
      return { status: response.status, text: await response.text() };
    });
    await page.addInitScript(
      ({ knowhowUrl, subject, locale }) => {
        (window as unknown as { __ticket: unknown }).__ticket = { knowhowUrl, 'ticket.subject': subject, 'currentUser.locale': locale };
      },
      { knowhowUrl: `${site.server.url}/`, subject, locale },
    );
    await page.goto(`${appOrigin}/iframe.html`);
    return page;
  }
  return { openTicket, proxied };
}

describe.skipIf(!hasChromium)('the Zendesk app in Chromium, with a stand-in for Zendesk', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, { people: false, browser: true });
  const { openTicket, proxied } = useZendesk(site, { apiKey: () => '' });

  it('searches with the ticket’s subject on opening and inserts a link with the page’s title into the reply', async () => {
    const page = await openTicket('Customer wants a refund after 5 weeks');
    await expect.poll(() => page.locator('.kh-title').allTextContents()).toContain('Refunds');
    expect(await page.inputValue('#kh-query')).toBe('Customer wants a refund after 5 weeks');
    expect(await page.locator('#kh-status').textContent()).toMatch(/^\d+ pages for “Customer wants a refund after 5 weeks”$/);
    const first = page.locator('.kh-result').first();
    expect(await first.locator('.kh-title').textContent()).toBe('Refunds');
    expect(await first.locator('.kh-badge').allTextContents()).toEqual(['Policy', 'Review overdue']);
    expect(await first.locator('.kh-title').getAttribute('href')).toBe(`${site.server.url}/policies/refunds/#refund-window`);

    const [request] = proxied;
    expect(request?.url).toBe(`${site.server.url}/api/search?q=Customer%20wants%20a%20refund%20after%205%20weeks&limit=8`);
    expect(request?.secure).toBe(true);
    expect(request?.headers).toEqual({ Authorization: 'Bearer {{setting.api_key}}' });

    await page.getByRole('button', { name: 'Insert a link to “Refunds” into the reply' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __invoked: unknown[] }).__invoked))
      .toEqual([
        ['resize', { width: '100%', height: '420px' }],
        ['ticket.editor.insert', `<a href="${site.server.url}/policies/refunds/#refund-window">Refunds</a>`],
      ]);
    expect(await page.locator('#kh-status').textContent()).toBe('Link to “Refunds” inserted');
    await page.setViewportSize({ width: 360, height: 560 });
    await page.screenshot({ path: `${FIXTURE_OUTPUT}screenshots/zendesk-app.png` });

    // The agent changes the question.
    await page.fill('#kh-query', 'process a refund');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.kh-title').first().textContent()).toBe('Process a refund');
    await page.close();
  });

  it('speaks the agent’s language', async () => {
    const page = await openTicket('refund', 'de');
    await expect.poll(() => page.locator('.kh-actions button').first().textContent()).toBe('Link einfügen');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.locator('#kh-button').textContent()).toBe('Suchen');
    await page.close();
  });
});

describe.skipIf(!hasChromium)('the Zendesk app in Chromium, on a private handbook', () => {
  let key = '';
  const site = useServedSite(sqlite, FIXTURE_DIST, {
    people: false,
    browser: true,
    env: { KNOWHOW_ACCESS: 'signed-in' },
    prepare: async (app) => {
      key = (await createApiKey(app, { name: 'Zendesk sidebar', scopes: ['read'] }, { actor: null })).key;
    },
  });
  let apiKey = '';
  const { openTicket, proxied } = useZendesk(site, { apiKey: () => apiKey });

  it('searches with the read key that only the proxy adds, and says so when the key is missing', async () => {
    apiKey = key;
    const page = await openTicket('Customer wants a refund after 5 weeks');
    await expect.poll(() => page.locator('.kh-title').first().textContent()).toBe('Refunds');
    // The page asked with the placeholder; the key itself never reached the browser.
    expect(proxied.at(-1)?.headers).toEqual({ Authorization: 'Bearer {{setting.api_key}}' });
    expect(await page.content()).not.toContain(key);
    await page.close();

    apiKey = '';
    const without = await openTicket('refund');
    await expect.poll(() => without.locator('#kh-status').textContent()).toBe('Search failed (401).');
    expect(await without.locator('.kh-result').count()).toBe(0);
    await without.close();
  });
});
