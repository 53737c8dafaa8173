/**
 * A page read by someone who is not signed in asks "who is signed in" once and nothing more of
 * the API: no failed request, no error in the browser's console. (The check used to answer 401,
 * and the acknowledgement box, training progress and reviews due asked their own APIs for 401s.)
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, useSiteInChromium } from '../../helpers/chromium.ts';
import { SAMPLE_DIST } from '../../helpers/fixture-site.ts';

describe.skipIf(!hasChromium)('an anonymous reader’s console', () => {
  const site = useSiteInChromium(SAMPLE_DIST);

  it.each([
    '/',
    '/policies/identity-verification/',
    '/de/policies/identity-verification/',
    '/training/new-agent-onboarding/',
    '/training/new-agent-onboarding/verifying-identity/',
    '/sign-in/',
  ])('stays clean on %s', async (path) => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    const apiCalls: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
      if (new URL(response.url()).pathname.startsWith('/api/')) apiCalls.push(new URL(response.url()).pathname);
    });
    await page.goto(`${site.server.url}${path}`);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    // Pages rendered on request know who is signed in already and ask nothing.
    expect(apiCalls).toEqual(path === '/sign-in/' ? [] : ['/api/me']);
    await page.close();
  });
});
