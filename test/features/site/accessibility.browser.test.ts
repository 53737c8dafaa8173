/**
 * WCAG 2.2 AA checks with axe-core in a real Chromium, on the sample content (the site `npm start`
 * serves): each kind of page an agent reads, and the search dialog with its results, in the light
 * and the dark colour scheme, whose colours differ. A failure lists each violation's rule id and
 * the elements it found.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { violationsInBothSchemes } from '../../helpers/axe.ts';
import { hasChromium, signInInBrowser, useSiteInChromium } from '../../helpers/chromium.ts';
import { sqlite } from '../../helpers/databases.ts';
import { SAMPLE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

interface CheckedPage {
  name: string;
  path: string;
  status: number;
  /** What the page must show for the check to cover it: the sample content may change. */
  shows: string[];
}

const PAGES: CheckedPage[] = [
  { name: 'the home page', path: '/', status: 200, shows: ['#home-search', '.section-grid a'] },
  { name: 'a section page', path: '/policies/', status: 200, shows: ['.site-header #site-search', '.section-nav a'] },
  {
    name: 'an article with callouts',
    path: '/procedures/bereavement-account-closure/',
    status: 200,
    // The review of this page is overdue: the warning and its colours are checked too.
    shows: ['aside.callout-warning .callout-icon', 'aside.callout-say .callout-icon', '.related li + li a', '[data-review-warning]'],
  },
  {
    name: 'a lesson of a training module',
    path: '/training/new-agent-onboarding/verifying-identity/',
    status: 200,
    // An MDX lesson: its callouts come from the <Callout> component.
    shows: ['.lesson-nav a', 'aside.callout-tip', 'aside.callout-warning', 'aside.callout-say'],
  },
  { name: 'the search results page', path: '/search/?q=refund', status: 200, shows: ['.search-results li + li a'] },
  {
    name: 'the search results page across languages',
    path: '/search/?q=refund+Rückerstattung&lang=all',
    status: 200,
    shows: ['.search-all-languages input:checked', '.search-results .badge-lang'],
  },
  { name: 'the page-not-found page', path: '/no-such-page/', status: 404, shows: ['#home-search'] },
];

describe.skipIf(!hasChromium)('accessibility (WCAG 2.2 AA, axe-core) in Chromium', () => {
  const site = useSiteInChromium(SAMPLE_DIST);

  // A context per page: axe opens a blank page beside the checked one to put its results together.
  async function open(path: string): Promise<{ page: Page; status: number | undefined }> {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${site.server.url}${path}`);
    return { page, status: response?.status() };
  }

  for (const { name, path, status, shows } of PAGES) {
    it(`finds no violations on ${name}, light and dark`, async () => {
      const { page, status: answered } = await open(path);
      expect(answered).toBe(status);
      for (const selector of shows) expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
      expect(await violationsInBothSchemes(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('finds no violations in the search dialog with its results, light and dark', async () => {
    const { page } = await open('/faq/');
    await page.keyboard.press('/');
    await page.keyboard.type('refund');
    // Checked once the results have their summaries and snippets, and one is highlighted.
    await expect.poll(() => page.locator('dialog[open] .search-option-snippet mark').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('dialog[open] [role="option"]').count()).toBe(10);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('dialog[open] [role="option"][aria-selected="true"]').count()).toBe(1);
    expect(await violationsInBothSchemes(page)).toEqual([]);
    await page.context().close();
  });
});

/** The pages of accounts and administration, as the person who uses each sees it. */
const ACCOUNT_PAGES: (CheckedPage & { as?: keyof typeof PEOPLE; act?: (page: Page) => Promise<void> })[] = [
  {
    name: 'the sign-in page after a wrong password',
    path: '/sign-in/',
    status: 401,
    shows: ['#email', '[role="alert"]'],
    act: async (page) => {
      await page.fill('#email', PEOPLE.member.email);
      await page.fill('#password', 'not the password');
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
    },
  },
  {
    name: 'the account page with a refused new password',
    path: '/account/',
    status: 400,
    as: 'member',
    shows: ['.definition-list', '#new-error'],
    act: async (page) => {
      await page.fill('#current', PASSWORD);
      await page.fill('#new', 'password1234');
      await page.fill('#confirm', 'password1234');
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Change password' }).click()]);
    },
  },
  { name: 'the people page', path: '/admin/users/', status: 200, as: 'admin', shows: ['.data-table tbody tr + tr a', '.account-name'] },
  { name: 'the new person page', path: '/admin/users/new/', status: 200, as: 'admin', shows: ['#email', 'input[name="jobRoles"]'] },
  { name: 'the audit log', path: '/admin/audit/', status: 200, as: 'admin', shows: ['.data-table tbody tr'] },
  { name: 'the page a member may not see', path: '/admin/users/', status: 403, as: 'member', shows: ['h1'] },
  { name: 'the API page', path: '/api-docs/', status: 200, shows: ['.api-operation'] },
  { name: 'my training', path: '/my-training/', status: 200, as: 'member', shows: ['.module-card progress'] },
  {
    name: 'a lesson with its "mark as done"',
    path: '/training/data-protection-essentials/what-counts-as-personal-data/',
    status: 200,
    as: 'member',
    shows: ['[data-lesson-done]:not([hidden]) [data-mark-done]'],
  },
  {
    name: 'a quiz',
    path: '/quiz/handling-complaints/',
    status: 200,
    as: 'member',
    shows: ['.quiz-question legend', 'input[type="radio"]'],
  },
  {
    name: 'a quiz result',
    path: '/quiz/handling-complaints/',
    status: 303,
    as: 'member',
    shows: ['.result-score', '.quiz-results li'],
    act: async (page) => {
      for (const question of await page.locator('.quiz-question').all()) await question.locator('input').first().check();
      await Promise.all([page.waitForURL(/\/results\//), page.getByRole('button', { name: 'Submit my answers' }).click()]);
    },
  },
  {
    name: 'a policy with its "I have read and understood this"',
    path: '/policies/identity-verification/',
    status: 200,
    as: 'member',
    shows: ['[data-acknowledge]:not([hidden]) [data-acknowledge-button]', '[data-acknowledgements-due]'],
  },
  { name: 'the policies to acknowledge', path: '/acknowledgements/', status: 200, as: 'member', shows: ['.acknowledge-list a'] },
  {
    name: 'the acknowledgement report',
    path: '/reports/acknowledgements/',
    status: 200,
    as: 'manager',
    shows: ['.data-table tbody tr', 'select#page'],
  },
  { name: 'the training report', path: '/reports/training/', status: 200, as: 'manager', shows: ['.data-table', 'select#team'] },
  {
    name: "one module's report",
    path: '/reports/training/?module=handling-complaints',
    status: 200,
    as: 'manager',
    shows: ['.data-table tbody tr'],
  },
  { name: 'the assignments page', path: '/reports/training/assignments/', status: 200, as: 'manager', shows: ['#module', '#dueOn'] },
  {
    name: 'the review dashboard of a manager',
    path: '/reviews/',
    status: 200,
    as: 'manager',
    shows: ['.data-table meter', 'select#owner', '.review-overdue'],
  },
  { name: 'the review dashboard of someone who owns no page', path: '/reviews/', status: 200, as: 'member', shows: ['#mine'] },
  {
    name: 'the search gaps',
    path: '/reports/search-gaps/',
    status: 200,
    as: 'manager',
    shows: ['select#days', 'select#section'],
  },
  { name: 'the page feedback report', path: '/reports/feedback/', status: 200, as: 'manager', shows: ['select#helpful'] },
  {
    name: 'a page’s “Was this page helpful?” after a “No”',
    path: '/procedures/bereavement-account-closure/',
    status: 201,
    shows: ['[data-feedback-comment]:not([hidden]) textarea', '[data-feedback-status]:not(:empty)'],
    act: async (page) => {
      await page.getByRole('button', { name: 'No', exact: true }).click();
    },
  },
  {
    name: 'the thank-you page of the plain feedback form',
    path: '/feedback/?page=%2Fprocedures%2Fbereavement-account-closure%2F&helpful=no&id=unknown',
    status: 200,
    shows: ['textarea#comment'],
  },
  {
    name: 'the question statistics',
    path: '/reports/training/questions/?module=handling-complaints',
    status: 200,
    as: 'manager',
    shows: ['h1'],
  },
];

describe.skipIf(!hasChromium)('accessibility of the account and admin pages (WCAG 2.2 AA, axe-core) in Chromium', () => {
  const site = useServedSite(sqlite, SAMPLE_DIST, { browser: true });

  for (const { name, path, status, shows, as, act } of ACCOUNT_PAGES) {
    it(`finds no violations on ${name}, light and dark`, async () => {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      if (as) await signInInBrowser(page, site.server.url, PEOPLE[as].email, { next: path });
      const response = act ? undefined : await page.goto(`${site.server.url}${path}`);
      if (act) {
        if (!as) await page.goto(`${site.server.url}${path}`);
        const [answer] = await Promise.all([page.waitForResponse((candidate) => candidate.request().method() === 'POST'), act(page)]);
        expect(answer.status()).toBe(status);
      } else {
        expect(response?.status()).toBe(status);
      }
      // Some pages fill in what they show from the API once loaded.
      await page
        .locator(shows[0] as string)
        .first()
        .waitFor({ state: 'attached' });
      for (const selector of shows) expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
      expect(await violationsInBothSchemes(page)).toEqual([]);
      await context.close();
    });
  }
});
