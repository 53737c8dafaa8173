/**
 * A German-speaking agent in Chromium, on the sample handbook, by keyboard: chooses German on
 * /account/, searches in German and opens the German policy, sees that another German policy may
 * be out of date, is told in German when a page has no German translation (and pointed to the
 * German one when it has), acknowledges a policy by reading its German translation (found through
 * her list of policies to acknowledge), and takes the translated quiz from My training, graded by
 * the original's answer key. The German pages pass axe's WCAG 2.2 AA checks, light and dark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createUser } from '../../../src/features/accounts/server/users.ts';
import { questionsIn } from '../../../src/features/training/quiz-language.ts';
import { violationsInBothSchemes } from '../../helpers/axe.ts';
import { hasChromium, signInInBrowser } from '../../helpers/chromium.ts';
import { sqlite } from '../../helpers/databases.ts';
import { PROJECT_ROOT, SAMPLE_DIST } from '../../helpers/fixture-site.ts';
import { tabTo } from '../../helpers/keyboard.ts';
import { PASSWORD } from '../../helpers/people.ts';
import { builtQuiz } from '../../helpers/quiz-answers.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const GRETA = { email: 'greta.agent@kestrel.example', name: 'Greta Hoffmann' };

interface QuizFile {
  questions: { id: string; prompt: string }[];
}
const quizFile = (name: string) => parse(readFileSync(join(PROJECT_ROOT, 'quizzes', name), 'utf8')) as QuizFile;
/**
 * The original's answer key in German words, by question id: grading goes by the original's key
 * whatever the language, and the choices' ids are the attempt's own, so the agent picks by words.
 */
const rightAnswers = () =>
  new Map(
    questionsIn(builtQuiz(SAMPLE_DIST, 'handling-complaints'), 'de').map((question) => [
      question.id,
      question.choices.filter((choice) => choice.correct).map((choice) => choice.text),
    ]),
  );
const GERMAN_PROMPTS = quizFile('handling-complaints.de.yaml').questions.map((question) => question.prompt);

describe.skipIf(!hasChromium)('a German agent, in Chromium', () => {
  const site = useServedSite(sqlite, SAMPLE_DIST, {
    prepare: async (app) => {
      await createUser(
        app,
        { user: null },
        { ...GRETA, role: 'member', jobRoles: ['agent', 'new-hire'], team: 'Tier 1', ownerHandles: [], password: PASSWORD },
      );
    },
    browser: true,
  });
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    page = await (await site.browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  });

  const url = (path: string) => `${site.server.url}${path}`;

  it('signs in and chooses German as her language', async () => {
    await signInInBrowser(page, site.server.url, GRETA.email, { by: 'enter' });
    await page.goto(url('/account/'));
    await tabTo(page, '#language-choice');
    await page.locator('#language-choice').selectOption('de');
    await tabTo(page, 'form:has(#language-choice) button[type="submit"]');
    await Promise.all([page.waitForURL(url('/account/?changed=language')), page.keyboard.press('Enter')]);
    expect(await page.locator('body').getAttribute('lang')).toBe('de');
    expect(await page.locator('h2#language').textContent()).not.toBe('Language');
  });

  it('searches in German and opens the German policy', async () => {
    await page.goto(url('/de/policies/complaint-handling/'));
    await page.keyboard.press('/');
    await page.keyboard.type('router nicht zurückgeschickt was kostet das');
    const titles = page.locator('dialog [role="option"] .search-option-title');
    await expect.poll(() => titles.first().textContent()).toMatch(/Rückerstattung/);
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(/\/de\/policies\/refunds-and-returns\//), page.keyboard.press('Enter')]);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('.translation-warning').count()).toBe(0);
  });

  it('sees that the German goodwill credits policy may be out of date, with a link to the original', async () => {
    await page.goto(url('/de/policies/goodwill-credits/'));
    const warning = page.locator('.translation-warning');
    expect(await warning.textContent()).toContain('Diese Übersetzung ist möglicherweise nicht mehr aktuell');
    expect(await warning.locator('a').getAttribute('href')).toBe('/policies/goodwill-credits/');
    expect(await violationsInBothSchemes(page)).toEqual([]);
  });

  it('is told in German that a page has no German translation yet, and pointed to the German one where there is', async () => {
    await page.goto(url('/policies/vulnerable-customers/'));
    const notice = page.locator('[data-language-notice]');
    await expect.poll(() => notice.textContent()).toBe('Diese Seite gibt es noch nicht auf Deutsch. Sie lesen das Original (Englisch).');
    expect(await notice.getAttribute('lang')).toBe('de');
    expect(await violationsInBothSchemes(page)).toEqual([]);

    await page.goto(url('/policies/identity-verification/'));
    await expect.poll(() => notice.textContent()).toBe('Diese Seite gibt es auch auf Deutsch. Auf Deutsch lesen');
    await tabTo(page, '[data-language-notice] a');
    await Promise.all([page.waitForURL(url('/de/policies/identity-verification/')), page.keyboard.press('Enter')]);
    expect(await notice.isHidden()).toBe(true);
  });

  it('acknowledges the identity verification policy by reading its German translation', async () => {
    // Her list of policies to acknowledge leads to the German translation.
    await page.goto(url('/acknowledgements/'));
    await tabTo(page, 'main a[href="/de/policies/identity-verification/"]');
    await Promise.all([page.waitForURL(url('/de/policies/identity-verification/')), page.keyboard.press('Enter')]);
    const intro = page.locator('[data-acknowledge-intro]');
    await expect.poll(() => intro.textContent()).toContain('Ihre Bestätigung gilt für das Original, Version 3');
    await tabTo(page, '[data-acknowledge-button]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-acknowledge-status]').textContent()).toMatch(/Version 3/);
    const mine = await page.evaluate(() => fetch('/api/me/acknowledgements').then((response) => response.json()));
    expect(mine.due.map((due: { page: string }) => due.page)).not.toContain('/policies/identity-verification/');
  });

  it('takes the Handling complaints quiz in German, graded by the original answer key', async () => {
    // My training leads to the module in German.
    await page.goto(url('/my-training/'));
    await tabTo(page, 'main a[href="/de/training/handling-complaints/"]', 200);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Umgang mit Beschwerden');
    await Promise.all([page.waitForURL(url('/de/training/handling-complaints/')), page.keyboard.press('Enter')]);
    const lessons = await page.locator('.lesson-list a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    expect(lessons).toEqual([
      '/de/training/handling-complaints/recognising-a-complaint/',
      '/de/training/handling-complaints/resolving-at-first-contact/',
      '/de/training/handling-complaints/escalation-and-final-response/',
    ]);
    // Each German lesson marked as read counts for the module's lesson, whatever its language.
    for (const lesson of lessons) {
      await page.goto(url(lesson));
      await page.locator('[data-mark-done]').waitFor();
      await tabTo(page, '[data-mark-done]', 200);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-progress-status]').textContent()).toMatch(/Lektion|gelesen|erledigt/i);
    }
    // After the last lesson, the focus is on the way to the quiz, in German.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href')))
      .toBe('/quiz/handling-complaints/?lang=de');
    await Promise.all([page.waitForURL(url('/quiz/handling-complaints/?lang=de')), page.keyboard.press('Enter')]);
    const legends = await page.locator('.quiz-questions legend').allTextContents();
    expect(legends).toHaveLength(8);
    expect(await violationsInBothSchemes(page)).toEqual([]);
    for (const legend of legends) expect(GERMAN_PROMPTS.some((prompt) => legend.endsWith(prompt))).toBe(true);
    const questions = (await page.locator('input[name="questions"]').inputValue()).split(',');
    const right = rightAnswers();
    for (const question of questions) {
      for (const text of right.get(question) ?? []) {
        const label = page.locator('label').filter({ has: page.locator(`input[name="q:${question}"]`) });
        await label
          .filter({ has: page.getByText(text, { exact: true }) })
          .locator('input')
          .focus();
        await page.keyboard.press('Space');
      }
    }
    await tabTo(page, '.quiz-form button[type="submit"]');
    await Promise.all([page.waitForURL(/\/results\//), page.keyboard.press('Enter')]);
    expect(await page.locator('.result-score').textContent()).toMatch(/100\s?%/);
    expect(await page.locator('[data-attempt-language]').textContent()).toContain('Deutsch');
    expect(await violationsInBothSchemes(page)).toEqual([]);
    const attempts = await site.app.db
      .selectFrom('quiz_attempt')
      .innerJoin('user', 'user.id', 'quiz_attempt.user_id')
      .select(['quiz_attempt.lang', 'quiz_attempt.score', 'quiz_attempt.passed'])
      .where('user.email', '=', GRETA.email)
      .where('quiz_attempt.finished_at', 'is not', null)
      .execute();
    expect(attempts).toEqual([{ lang: 'de', score: 100, passed: expect.anything() }]);
    expect(Boolean(attempts[0]?.passed)).toBe(true);
    expect(problems).toEqual([]);
  });
});
