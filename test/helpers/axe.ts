/** WCAG 2.2 AA checks with axe-core in Chromium, shared by the browser tests. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe tags its rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const COLOR_SCHEMES = ['light', 'dark'] as const;

/** One line per element found: the rule, where, and what it asks. */
export function listViolations(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'no impact'}): ${node.target.join(' ')} (${violation.help})`),
  );
}

/**
 * Rules whose outcome depends on colours. The dark scheme changes nothing but the colour custom
 * properties (the `prefers-color-scheme: dark` block of site.css), so the other rules find in
 * it what they find in the light scheme, and only these run again there.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** The violations in each colour scheme (their colours differ), each line starting with the scheme; none: []. */
export async function violationsInBothSchemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const axe = new AxeBuilder({ page });
    const results = await (colorScheme === 'light' ? axe.withTags(WCAG_TAGS) : axe.withRules(COLOUR_RULES)).analyze();
    found.push(...listViolations(results.violations).map((line) => `${colorScheme}: ${line}`));
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}
