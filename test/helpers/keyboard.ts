/** Moving through a page by keyboard in Playwright, as a keyboard user does. */
import type { Page } from 'playwright-core';

/** Presses Tab until the focused element matches `selector`; fails after `presses`. */
export async function tabTo(page: Page, selector: string, presses = 200): Promise<void> {
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector} on ${page.url()}`);
}
