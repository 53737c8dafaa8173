/**
 * Asks the in-page search (features/search/browser) a question in a real Chromium, the way an agent
 * would, and reads the answer off the page: for the browser tests and npm run bench:search.
 */
import type { Browser, Page } from 'playwright-core';

export interface BrowserAnswer {
  /** The result pages' paths, best first. */
  urls: string[];
  /** From the question entering the box to its results listed on screen. */
  milliseconds: number;
  /** From the question entering the box to the results' summaries, snippets and sections on screen. */
  completeMilliseconds: number;
}

/** A fresh page (no cache) on `path` of the site, with the search dialog open. */
export async function openSearchPage(browser: Browser, siteUrl: string, path = '/search/'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${siteUrl}${path}`);
  await page.keyboard.press('Control+k');
  await page.locator('dialog[open] #dialog-search').waitFor();
  return page;
}

/** Puts `question` into the dialog's box in one go and waits for its results. */
export function askInBrowser(page: Page, question: string): Promise<BrowserAnswer> {
  return ask(page, question, false);
}

/**
 * On a freshly loaded page, opens the search with Ctrl+K and asks `question` at once: the time
 * includes loading the search and its index, as an agent's first question on a page does.
 */
export function askFirstQuestion(page: Page, question: string): Promise<BrowserAnswer> {
  return ask(page, question, true);
}

function ask(page: Page, question: string, openFirst: boolean): Promise<BrowserAnswer> {
  return page.evaluate(
    async ({ text, open }) => {
      const started = performance.now();
      if (open) document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
      const input = document.querySelector('#dialog-search') as HTMLInputElement;
      const panel = input.closest('dialog')?.querySelector('[data-search-panel]') as HTMLElement;
      // The panel's events for this question (widget.ts): listed, then complete.
      const when = (name: string) =>
        new Promise<number>((resolve) => {
          const onEvent = (event: Event) => {
            if ((event as CustomEvent<{ question: string }>).detail.question !== text.trim()) return;
            panel.removeEventListener(name, onEvent);
            resolve(performance.now() - started);
          };
          panel.addEventListener(name, onEvent);
        });
      const listed = when('knowhow:results');
      const complete = when('knowhow:details');
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const milliseconds = await listed;
      // Each result is a link with the role of an option (widget.ts).
      const urls = [...panel.querySelectorAll<HTMLAnchorElement>('a[role="option"]')].map((link) => new URL(link.href).pathname);
      return { urls, milliseconds, completeMilliseconds: await complete };
    },
    { text: question, open: openFirst },
  );
}

/**
 * Asks the open dialog each of `questions` in turn, in one evaluation of the page (a page
 * evaluation per question costs more than the question), and gives each question's result paths,
 * best first.
 */
export function askEachInBrowser(page: Page, questions: string[]): Promise<string[][]> {
  return page.evaluate(async (texts) => {
    const input = document.querySelector('#dialog-search') as HTMLInputElement;
    const panel = input.closest('dialog')?.querySelector('[data-search-panel]') as HTMLElement;
    const answers: string[][] = [];
    for (const text of texts) {
      const listed = new Promise<void>((resolve) => {
        const onEvent = (event: Event) => {
          if ((event as CustomEvent<{ question: string }>).detail.question !== text.trim()) return;
          panel.removeEventListener('knowhow:results', onEvent);
          resolve();
        };
        panel.addEventListener('knowhow:results', onEvent);
      });
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await listed;
      answers.push([...panel.querySelectorAll<HTMLAnchorElement>('a[role="option"]')].map((link) => new URL(link.href).pathname));
    }
    return answers;
  }, questions);
}
