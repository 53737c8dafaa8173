/**
 * The helpdesk sidebar (/embed/) in a real Chromium against the built fixture site's server: in
 * a cross-origin frame of a helpdesk page (http://localhost:<port>, another site than the
 * handbook's http://127.0.0.1:<port>), by keyboard alone, copying and opening results, in the
 * reader's language, accessible at 320 px; and on a private handbook, signing in from the frame
 * through the sign-in window, with third-party cookies allowed and with them blocked.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail, setUserLanguage } from '../../../src/features/accounts/server/users.ts';
import { violationsInBothSchemes } from '../../helpers/axe.ts';
import { CHROMIUM_PATH, hasChromium, signInInBrowser } from '../../helpers/chromium.ts';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST, FIXTURE_OUTPUT } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const SCREENSHOTS = `${FIXTURE_OUTPUT}screenshots/`;

/** A helpdesk's ticket page on http://localhost:<port>, with the sidebar's address in a 360 px frame. */
function useHelpdesk() {
  let server: Server | undefined;
  const helpdesk = { origin: '' };
  beforeAll(async () => {
    server = createServer((request, response) => {
      const src = new URL(request.url ?? '/', 'http://localhost').searchParams.get('frame') ?? '';
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="en"><title>Ticket #4711</title><h1>Ticket #4711</h1>` +
          `<iframe id="knowhow" title="Knowhow" width="360" height="640" allow="clipboard-write" src="${src.replace(/"/g, '&quot;')}"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    helpdesk.origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  return helpdesk;
}

/** Opens the helpdesk's ticket page with `src` framed, and the frame once it has loaded the sidebar. */
async function openTicket(context: BrowserContext, helpdeskOrigin: string, src: string): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  await page.goto(`${helpdeskOrigin}/?frame=${encodeURIComponent(src)}`);
  const frame = await (await page.locator('#knowhow').elementHandle())?.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForLoadState();
  return { page, frame };
}

/**
 * Chromium with a profile of its own whose cookie setting is `thirdPartyCookies`: a person's
 * Chromium, where the choice is theirs (this Chromium blocks them by default, and in every
 * incognito window, which is what Playwright's new contexts are).
 */
async function chromiumWithProfile(thirdPartyCookies: 'allowed' | 'blocked'): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'knowhow-chromium-'));
  mkdirSync(join(profile, 'Default'));
  const mode = thirdPartyCookies === 'allowed' ? 0 : 1;
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: mode, block_third_party_cookies: mode === 1 } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
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
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const titles = (frame: Page | Frame) => frame.locator('.embed-result-title').allTextContents();
const focused = (frame: Page | Frame) =>
  frame.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return `${element?.className ?? ''}|${element?.getAttribute('aria-label') ?? element?.textContent ?? ''}`;
  });

describe.skipIf(!hasChromium)('the helpdesk sidebar in Chromium (public handbook)', () => {
  const helpdesk = useHelpdesk();
  const site = useServedSite(sqlite, FIXTURE_DIST, {
    browser: true,
    env: () => ({ KNOWHOW_FRAME_ANCESTORS: helpdesk.origin }),
    prepare: async (app) => {
      const member = await findUserByEmail(app, PEOPLE.member.email);
      await setUserLanguage(app, member?.id as string, 'fi');
    },
  });

  it('shows results for a ticket subject in the helpdesk’s cross-origin frame; other pages refuse the frame', async () => {
    const context = await site.browser.newContext();
    const { page, frame } = await openTicket(
      context,
      helpdesk.origin,
      `${site.server.url}/embed/?q=${encodeURIComponent('customer wants a refund')}`,
    );
    await expect.poll(() => titles(frame)).toContain('Refunds');
    expect((await titles(frame))[0]).toBe('Refunds');
    const first = frame.locator('.embed-result').first();
    expect(await first.locator('.badge').textContent()).toBe('Policy');
    expect(await first.locator('.status-badge').textContent()).toBe('Overdue');
    expect(await first.locator('.embed-result-section').textContent()).toBe('Opens at “Refund window”');
    expect(await first.locator('.embed-result-title').getAttribute('href')).toBe(`${site.server.url}/policies/refunds/#refund-window`);
    expect(await frame.locator('[role="status"]').textContent()).toMatch(/^\d+ pages for “customer wants a refund”$/);

    // Any other page of the handbook in the same frame: Chromium refuses to show it.
    const article = await openTicket(context, helpdesk.origin, `${site.server.url}/policies/refunds/`);
    expect(await article.frame.locator('article').count()).toBe(0);
    expect(article.frame.url()).not.toBe(`${site.server.url}/policies/refunds/`);
    await page.close();
    await context.close();
  }, 60_000);

  it('works by keyboard alone: type and Enter, ↓ ↑ through the results, C copies, Tab to the buttons, Enter opens a new tab', async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/embed/`);
    expect(await focused(page)).toMatch(/^\|/); // the search box, which has no class
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('embed-query');
    await page.keyboard.type('refund');
    await page.keyboard.press('Enter');
    await expect.poll(() => titles(page)).toEqual(['Refunds', 'Process a refund']);

    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('embed-result-title|Refunds');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('embed-result-title|Process a refund');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('embed-result-title|Process a refund');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('embed-result-title|Refunds');

    await page.keyboard.press('c');
    await expect.poll(() => page.locator('[data-embed-status]').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.server.url}/policies/refunds/#refund-window`);

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button secondary|Link copied: Refunds');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button secondary|Open: Refunds (new tab)');
    const [opened] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${site.server.url}/policies/refunds/#refund-window`);
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    await opened.close();

    // Enter on a result's title opens it too; ↑ from the first result goes back to the box.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('embed-result-title|Refunds');
    const [again] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    expect(again.url()).toBe(`${site.server.url}/policies/refunds/#refund-window`);
    await again.close();

    // The second result's copy button, by Tab and Enter.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button secondary|Copy link: Process a refund');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.server.url}/procedures/process-refund/`);
    expect(await focused(page)).toBe('button secondary|Link copied: Process a refund');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('embed-query');
    await context.close();
  }, 90_000);

  it('speaks the signed-in person’s language, else ?lang=, else the site’s', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}/embed/?q=refund`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.locator('.embed-result .badge').first().textContent()).toBe('Policy');

    await page.goto(`${site.server.url}/embed/?lang=de&q=Erstattung`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.getAttribute('#embed-query', 'placeholder')).toBe('Ticketbetreff oder Frage');
    await expect.poll(() => page.locator('.embed-result .badge').first().textContent()).toBe('FAQ');
    expect(await page.locator('[data-embed-status]').textContent()).toMatch(/Seite/);
    expect(await page.locator('.embed-result-actions .button').first().textContent()).toMatch(/^Link kopieren: /);

    // Mia chose Finnish on /account/: that wins over ?lang=de.
    await signInInBrowser(page, site.server.url, PEOPLE.member.email);
    await page.goto(`${site.server.url}/embed/?lang=de&q=refund`);
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    await expect.poll(() => page.locator('.embed-result .badge').first().textContent()).toBe('Käytäntö');
    expect(await page.locator('.embed-result-actions .button').first().textContent()).toBe('Kopioi linkki: Refunds');
    await context.close();
  }, 60_000);

  it('passes axe’s WCAG 2.2 AA checks at 320 px, in light and dark; fits 320 and 400 px without scrolling sideways', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const width of [320, 400]) {
      const context = await site.browser.newContext({ viewport: { width, height: 720 } });
      const page = await context.newPage();
      await page.goto(`${site.server.url}/embed/?q=${encodeURIComponent('refund after 30 days')}`);
      await expect.poll(() => titles(page)).toContain('Refunds');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SCREENSHOTS}sidebar-${width}.png`, fullPage: true });
      if (width === 320) expect(await violationsInBothSchemes(page)).toEqual([]);
      await context.close();
    }
  }, 120_000);
});

describe.skipIf(!hasChromium)('the helpdesk sidebar in Chromium (private handbook, signing in from the frame)', () => {
  const helpdesk = useHelpdesk();
  const site = useServedSite(sqlite, FIXTURE_DIST, {
    browser: true,
    env: () => ({ KNOWHOW_ACCESS: 'signed-in', KNOWHOW_FRAME_ANCESTORS: helpdesk.origin }),
  });

  async function signInInPopup(frame: Frame, context: BrowserContext): Promise<Page> {
    const [popup] = await Promise.all([context.waitForEvent('page'), frame.getByRole('button', { name: 'Sign in', exact: true }).click()]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).pathname).toBe('/sign-in/');
    await popup.fill('#email', PEOPLE.member.email);
    await popup.fill('#password', PASSWORD);
    await popup.getByRole('button', { name: 'Sign in', exact: true }).click();
    return popup;
  }

  it('says it cannot search yet, signs in through a window of its own, then shows the results (third-party cookies allowed)', async () => {
    const chromium = await chromiumWithProfile('allowed');
    const { context } = chromium;
    try {
      const { page, frame } = await openTicket(context, helpdesk.origin, `${site.server.url}/embed/?q=refund`);
      expect(await frame.locator('#embed-private').textContent()).toBe('This handbook is private: sign in to search it here.');
      expect(await frame.locator('[data-embed-framed]').isVisible()).toBe(true);
      expect(await frame.locator('.embed-result').count()).toBe(0);

      const popup = await signInInPopup(frame, context);
      // The sign-in window lands on /embed/signed-in/ and closes itself.
      await expect.poll(() => popup.isClosed()).toBe(true);
      // The frame notices the session on its own and reloads with the ticket's question.
      const sidebar = page.frameLocator('#knowhow');
      await expect.poll(() => sidebar.locator('.embed-result-title').allTextContents(), { timeout: 15_000 }).toContain('Refunds');
      const [cookie] = (await context.cookies(site.server.url)).filter((one) => one.name.includes('session_token'));
      expect(cookie).toMatchObject({ sameSite: 'None', secure: true, httpOnly: true });
    } finally {
      await chromium.close();
    }
  }, 90_000);

  it('with third-party cookies blocked: signs in through the window, then asks for the cookie with the Storage Access API', async () => {
    const chromium = await chromiumWithProfile('blocked');
    const { context } = chromium;
    try {
      const { page, frame } = await openTicket(context, helpdesk.origin, `${site.server.url}/embed/?q=refund`);
      expect(await frame.evaluate(() => document.hasStorageAccess())).toBe(false);
      await signInInPopup(frame, context);
      // Signed in first-party, but the frame is not sent the cookie: the sidebar still cannot see it.
      await expect
        .poll(() => context.cookies(site.server.url).then((all) => all.some((one) => one.name.includes('session_token'))))
        .toBe(true);
      expect(await frame.evaluate(() => fetch('/api/me').then((response) => response.json()))).toMatchObject({ user: null });
      const continueButton = frame.getByRole('button', { name: 'I have signed in' });
      expect(await continueButton.isVisible()).toBe(true);

      // Chromium asks the person whether the handbook may use its cookies in the helpdesk; they say yes.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Browser.setPermission', {
        permission: { name: 'storage-access' },
        setting: 'granted',
        origin: helpdesk.origin,
        embeddedOrigin: site.server.url,
      });
      await continueButton.click();
      const sidebar = page.frameLocator('#knowhow');
      await expect.poll(() => sidebar.locator('.embed-result-title').allTextContents(), { timeout: 15_000 }).toContain('Refunds');

      // The next ticket: the frame's first request has no cookie, the sidebar asks again (no click: granted) and reloads.
      const next = await openTicket(context, helpdesk.origin, `${site.server.url}/embed/?q=${encodeURIComponent('process a refund')}`);
      await expect
        .poll(() => next.page.frameLocator('#knowhow').locator('.embed-result-title').allTextContents(), { timeout: 15_000 })
        .toContain('Process a refund');
    } finally {
      await chromium.close();
    }
  }, 90_000);
});
