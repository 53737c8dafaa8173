/**
 * Training in Chromium, as a new hire and their manager would do it: the manager assigns the
 * fixture site's module on the assignments page; the learner finds it in My training, marks its
 * lessons done by keyboard, fails the quiz, follows the link to the section to reread, passes,
 * and sees the result; the manager sees it in the report and downloads the CSV. A double click
 * on the quiz's submit button stores one attempt.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, signInInBrowser } from '../../helpers/chromium.ts';
import { tabTo } from '../../helpers/keyboard.ts';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const MODULE = 'basics';
const RIGHT = { 'refund-window': 'thirty days from purchase', 'check-the-order': 'True' };
const WRONG = { 'refund-window': 'fourteen days from delivery', 'check-the-order': 'False' };

describe.skipIf(!hasChromium)('training, in Chromium', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, { browser: true });
  const problems: string[] = [];

  async function signedIn(as: keyof typeof PEOPLE): Promise<{ context: BrowserContext; page: Page }> {
    const context = await site.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/\b4\d\d\b/.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
    });
    await signInInBrowser(page, site.server.url, PEOPLE[as].email, { by: 'keyboard' });
    return { context, page };
  }

  /** Chooses the radio button whose label contains `text` in a question, by keyboard only. */
  async function chooseByKeyboard(page: Page, question: string, text: string): Promise<void> {
    await tabTo(page, `input[name="q:${question}"]`);
    const focusedLabel = () => page.evaluate(() => document.activeElement?.closest('label')?.textContent ?? '');
    for (let step = 0; step < 6 && !(await focusedLabel()).includes(text); step++) await page.keyboard.press('ArrowDown');
    expect(await focusedLabel()).toContain(text);
    await page.keyboard.press('Space');
  }

  const attemptsOfMember = async () =>
    (
      await site.app.db
        .selectFrom('quiz_attempt')
        .innerJoin('user', 'user.id', 'quiz_attempt.user_id')
        .select('quiz_attempt.id')
        .where('user.email', '=', PEOPLE.member.email)
        .where('quiz_attempt.finished_at', 'is not', null)
        .execute()
    ).length;

  it('lets a manager assign the module to a person with a due date', async () => {
    const { context, page } = await signedIn('manager');
    await page.goto(`${site.server.url}/reports/training/assignments/`);
    await page.selectOption('#module', MODULE);
    await page.fill('#email', PEOPLE.member.email);
    await page.fill('#dueOn', '2099-01-31');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Assign', exact: true }).click()]);
    expect(await page.locator('[data-notice]').first().textContent()).toContain(
      'Support basics is assigned to Mia Member, due 31 Jan 2099.',
    );
    expect(await page.locator('.data-table').textContent()).toContain(PEOPLE.member.name);
    await context.close();
  });

  it('takes a learner through the lessons and the quiz, by keyboard, to a passed module', async () => {
    const { context, page } = await signedIn('member');

    await page.goto(`${site.server.url}/my-training/`);
    const card = page.locator('.module-card', { hasText: 'Support basics' });
    expect(await card.textContent()).toContain('Not started');
    expect(await card.textContent()).toContain('31 Jan 2099');

    // Every lesson: the button at its end, reached and pressed by keyboard, without a reload.
    await page.goto(`${site.server.url}/training/${MODULE}/`);
    const lessons = await page.locator('.lesson-list a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(lessons.length).toBeGreaterThan(0);
    for (const [index, lesson] of lessons.entries()) {
      await page.goto(lesson);
      await page.locator('[data-mark-done]').waitFor();
      await page.evaluate(() => {
        (window as Window & { notReloaded?: boolean }).notReloaded = true;
      });
      await tabTo(page, '[data-mark-done]', 200);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-progress-status]').textContent()).toContain('Marked as done.');
      expect(await page.locator('[data-progress-status]').textContent()).toContain(`${index + 1} of ${lessons.length} lessons read`);
      expect(await page.evaluate(() => (window as Window & { notReloaded?: boolean }).notReloaded)).toBe(true);
    }
    // After the last lesson, the focus is on the way to the quiz.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Take the quiz');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/quiz/${MODULE}/`);

    // A first attempt with both answers wrong, sent with a double click: one attempt stored.
    for (const [question, text] of Object.entries(WRONG)) await chooseByKeyboard(page, question, text);
    await page.getByRole('button', { name: 'Submit my answers' }).dblclick();
    await page.waitForURL(/\/results\//);
    expect(await page.locator('.result-score').textContent()).toContain('0%: not passed yet');
    expect(await attemptsOfMember()).toBe(1);
    expect(await page.locator('.quiz-results').textContent()).not.toContain('Right answer');

    // The section to reread is one keyboard step from the result.
    const reread = page.locator('section[aria-labelledby="reread"] a');
    expect(await reread.allTextContents()).toHaveLength(2);
    const refundsLink = reread.filter({ hasText: 'Refund window' });
    await refundsLink.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(`${site.server.url}/policies/refunds/#refund-window`);
    expect(await page.locator('#refund-window').isVisible()).toBe(true);
    await page.goBack();

    // The second attempt, with the right answers, passes, and the module is complete.
    await page.getByRole('link', { name: 'Try again' }).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    for (const [question, text] of Object.entries(RIGHT)) await chooseByKeyboard(page, question, text);
    await tabTo(page, 'button[type="submit"]');
    await Promise.all([page.waitForURL(/\/results\//), page.keyboard.press('Enter')]);
    expect(await page.locator('.result-score').textContent()).toContain('100%: passed');
    expect(await page.locator('[data-notice]').first().textContent()).toContain('The module is complete.');
    expect(await attemptsOfMember()).toBe(2);

    await page.goto(`${site.server.url}/my-training/`);
    expect(await page.locator('.module-card', { hasText: 'Support basics' }).textContent()).toContain('Complete');
    await context.close();
  });

  it('shows the manager the pass in the report and downloads it as CSV', async () => {
    const { context, page } = await signedIn('manager');
    await page.goto(`${site.server.url}/reports/training/?module=${MODULE}`);
    const row = page.locator('tr', { hasText: PEOPLE.member.name });
    expect(await row.textContent()).toContain('Complete');
    expect(await row.textContent()).toContain('100%');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download this view (CSV)' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toContain('email');
    const line = rows.find((candidate) => candidate.includes(PEOPLE.member.email));
    expect(line).toContain('passed');
    expect(line).toContain(MODULE);
    await context.close();
  });

  it('broke nothing on any page', () => {
    expect(problems).toEqual([]);
  });
});
