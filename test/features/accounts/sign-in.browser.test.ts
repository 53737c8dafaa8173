/**
 * Signing in to a private handbook in Chromium, as staff would: by keyboard with a password,
 * with a wrong one, through single sign-on at a real OpenID Connect provider, signing out, and
 * a new hire's first sign-in with a one-time password an admin made on the admin pages. No page
 * may break the Content-Security-Policy.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, signInInBrowser } from '../../helpers/chromium.ts';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { type RunningProvider, startOidcProvider } from '../../helpers/oidc-provider.ts';
import { PASSWORD, PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';
import { freePort } from '../../helpers/server.ts';

describe.skipIf(!hasChromium)('signing in, in Chromium', () => {
  let port: number;
  let provider: RunningProvider;
  /** What broke the Content-Security-Policy, or failed on the page, on any page of any test. */
  const violations: string[] = [];

  // The provider first, on its own hooks: the server is told its address and its own port.
  beforeAll(async () => {
    port = await freePort();
    provider = await startOidcProvider({ redirectUri: `http://127.0.0.1:${port}/api/auth/callback/sso` });
  });
  afterAll(async () => {
    await provider?.stop();
  });
  const site = useServedSite(sqlite, FIXTURE_DIST, {
    browser: true,
    env: () => ({
      PORT: String(port),
      KNOWHOW_ACCESS: 'signed-in',
      KNOWHOW_OIDC_ISSUER: provider.issuer,
      KNOWHOW_OIDC_CLIENT_ID: provider.clientId,
      KNOWHOW_OIDC_CLIENT_SECRET: provider.clientSecret,
      KNOWHOW_OIDC_NAME: 'Fixture ID',
      KNOWHOW_OIDC_DOMAINS: 'fixture.example',
    }),
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    // Fail on the step that waits, not on the test's own timeout.
    page.setDefaultTimeout(10_000);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      // A 4xx is an answer the test asked for: a wrong password, the header's /api/me signed
      // out, or the search still warming up on a page whose session just ended.
      if (message.type() === 'error' && !/\b4\d\d\b/.test(message.text()) && page.url().startsWith(site.server.url)) {
        violations.push(`${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => violations.push(`${page.url()}: ${error.message}`));
    return { context, page };
  }

  /** The password form's button (single sign-on has its own, first). */
  const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in', exact: true });
  const signInEvents = async () => (await site.app.audit.list({ type: 'sign-in', limit: 200 })).events.length;

  it('sends a reader to sign in and back to the page, by keyboard only', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.url}/policies/refunds/?from=chat`);
    expect(new URL(page.url()).pathname).toBe('/sign-in/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await page.keyboard.type(PEOPLE.member.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.server.url}/policies/refunds/?from=chat`);
    expect(await page.locator('h1').textContent()).toBe('Refunds');
    await expect.poll(() => page.locator('.account-name').textContent()).toBe('Mia Member');
    await context.close();
  });

  it('says plainly when the password is wrong, keeps the email, and puts the focus on the message', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.url}/sign-in/`);
    await page.fill('#email', PEOPLE.member.email);
    await page.fill('#password', 'not the password at all');
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST'),
      signInButton(page).click(),
    ]);
    expect(response.status()).toBe(401);
    await page.waitForLoadState();
    expect(await page.locator('[role=alert]').textContent()).toContain('The email or the password is not right.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.inputValue('#email')).toBe(PEOPLE.member.email);
    await context.close();
  });

  it('signs in once for a double click on the button', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.url}/sign-in/`);
    await page.fill('#email', PEOPLE.manager.email);
    await page.fill('#password', PASSWORD);
    const before = await signInEvents();
    await signInButton(page).dblclick();
    await page.waitForURL(`${site.server.url}/`);
    expect(await signInEvents()).toBe(before + 1);
    await context.close();
  });

  it('signs out from the header, and the handbook is closed again', async () => {
    const { context, page } = await newPage();
    await signInInBrowser(page, site.server.url, PEOPLE.member.email);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${site.server.url}/sign-in/?signed-out`);
    expect(await page.locator('[role=status]').first().textContent()).toContain('You are signed out.');
    await page.goto(`${site.server.url}/policies/refunds/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in/');
    await context.close();
  });

  it('signs in through single sign-on, making the account at the first visit', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.url}/guides/tone-of-voice/`);
    await page.getByRole('button', { name: 'Sign in with Fixture ID' }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.fill('input[name=login]', 'olu.adeyemi');
    await page.fill('input[name=password]', 'anything');
    await page.click('button[type=submit]');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${site.server.url}/guides/tone-of-voice/`);
    await expect.poll(() => page.locator('.account-name').textContent()).toBe('Olu Adeyemi');
    const me = (await (await page.request.get(`${site.server.url}/api/me`)).json()) as { user: { email: string; role: string } };
    expect(me.user).toMatchObject({ email: 'olu.adeyemi@fixture.example', role: 'member' });
    const { events } = await site.app.audit.list({ type: 'sign-in', person: 'olu.adeyemi', limit: 1 });
    expect(events[0]?.detail).toEqual({ method: 'single sign-on' });
    await context.close();
  });

  it('turns away single sign-on from another organisation’s email domain', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.url}/sign-in/`);
    await page.getByRole('button', { name: 'Sign in with Fixture ID' }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.fill('input[name=login]', 'visitor@elsewhere.example');
    await page.fill('input[name=password]', 'anything');
    await page.click('button[type=submit]');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${site.server.url}/sign-in/**`);
    expect(await page.locator('[role=alert]').textContent()).toContain('Sign in with a work account of this organisation.');
    expect(((await (await page.request.get(`${site.server.url}/api/me`)).json()) as { user: unknown }).user).toBeNull();
    await context.close();
  });

  it('comes back only to this site: an address that leads elsewhere opens the home page instead', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.url}/sign-in/?next=%2F%09%2Fevil.example`);
    await page.fill('#email', PEOPLE.member.email);
    await page.fill('#password', PASSWORD);
    await signInButton(page).click();
    await page.waitForURL(`${site.server.url}/`);
    await context.close();
    // Single sign-on, signed out: a browser of its own.
    const sso = await newPage();
    await sso.page.goto(`${site.server.url}/sign-in/?next=%2F.%2F%2Fevil.example`);
    await sso.page.getByRole('button', { name: 'Sign in with Fixture ID' }).click();
    await sso.page.waitForURL(`${provider.issuer}/**`);
    await sso.page.fill('input[name=login]', 'olu.adeyemi');
    await sso.page.fill('input[name=password]', 'anything');
    await sso.page.click('button[type=submit]');
    await sso.page.getByRole('button', { name: 'Continue' }).click();
    await sso.page.waitForURL(`${site.server.url}/`);
    await sso.context.close();
  });

  it('lets an admin add a new hire, who must choose a password at the first sign-in', async () => {
    const admin = await newPage();
    await signInInBrowser(admin.page, site.server.url, PEOPLE.admin.email, { next: '/admin/users/new/' });
    await admin.page.fill('#email', 'ana.silva@fixture.example');
    await admin.page.fill('#name', 'Ana Silva');
    await admin.page.getByRole('checkbox', { name: 'agent' }).check();
    await admin.page.fill('#team', 'Tier 1');
    await admin.page.getByRole('button', { name: 'Add the person' }).click();
    const oneTimePassword = (await admin.page.locator('.secret').textContent())?.trim() as string;
    expect(oneTimePassword).toMatch(/^[\w-]{16}$/);
    await admin.context.close();

    const { context, page } = await newPage();
    await page.goto(`${site.server.url}/sign-in/`);
    await page.fill('#email', 'ana.silva@fixture.example');
    await page.fill('#password', oneTimePassword);
    await signInButton(page).click();
    await page.waitForURL(`${site.server.url}/account/?required=password`);
    await page.goto(`${site.server.url}/policies/refunds/`);
    expect(new URL(page.url()).pathname).toBe('/account/');
    await page.fill('#current', oneTimePassword);
    await page.fill('#new', 'password2024');
    await page.fill('#confirm', 'password2024');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.locator('#new-error').textContent()).toMatch(/harder to guess/);
    await page.fill('#current', oneTimePassword);
    await page.fill('#new', 'copper meadow satchel');
    await page.fill('#confirm', 'copper meadow satchel');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(`${site.server.url}/account/?changed=password`);
    await page.goto(`${site.server.url}/policies/refunds/`);
    expect(await page.locator('h1').textContent()).toBe('Refunds');
    await context.close();
  });

  it('breaks no Content-Security-Policy rule on any page it showed, and runs the search under it', async () => {
    const { context, page } = await newPage();
    await signInInBrowser(page, site.server.url, PEOPLE.admin.email, { next: '/policies/refunds/' });
    await page.keyboard.press('/');
    await page.keyboard.type('money back');
    await expect.poll(() => page.locator('dialog a[role="option"]').count()).toBeGreaterThan(0);
    for (const path of ['/', '/search/?q=refund', '/api-docs/', '/account/', '/admin/users/', '/admin/audit/']) {
      const response = await page.goto(`${site.server.url}${path}`);
      expect(response?.status(), path).toBe(200);
    }
    await context.close();
    expect(violations).toEqual([]);
  });
});
