/**
 * The interface speaks each page's language: the fixture's German page gets German chrome,
 * the English pages keep their English words.
 */
import { join } from 'node:path';
import { select } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIST, SAMPLE_DIST } from '../helpers/fixture-site.ts';
import { readPage } from '../helpers/html.ts';

const client = join(FIXTURE_DIST, 'client');
const page = (url: string) => readPage(client, url);
const messagesOf = (built: ReturnType<typeof page>, selector: string) =>
  JSON.parse(built.attr(selector, 'dataMessages') ?? '{}') as Record<string, unknown>;

describe('a page in German', () => {
  const german = page('/faq/erstattung/');

  it('is German from its <html lang> to its trust line, with dates as Germans write them', () => {
    expect(german.attr('html', 'lang')).toBe('de');
    expect(german.one('body')?.properties.lang).toBeUndefined();
    expect(german.all('.trust-line dt').map((term) => hastText(term))).toEqual(['Verantwortlich', 'Zuletzt geprüft', 'Nächste Prüfung']);
    expect(german.all('.trust-line dd').map((value) => hastText(value))).toEqual([
      'Billing Operations',
      '1. Juni 2026',
      '1. Sept. 2026 (Prüfintervall: 3 Monate)',
    ]);
  });

  it('has German chrome around the article', () => {
    expect(german.text('.skip-link')).toBe('Zum Inhalt springen');
    expect(german.text('.breadcrumbs li')).toBe('Startseite');
    expect(german.attr('.breadcrumbs', 'ariaLabel')).toBe('Brotkrumenpfad');
    expect(german.text('.page-feedback-title')).toBe('War diese Seite hilfreich?');
    expect(german.text('.edit-link')).toBe('Diese Seite bearbeiten');
    expect(german.text('[data-sign-in]')).toBe('Anmelden');
    expect(german.text('.search-box button')).toBe('Suchen');
    expect(german.text('.article-type')).toBe('FAQ');
  });

  it('gives each script the German messages it uses, and only those', () => {
    const feedback = messagesOf(german, '[data-page-feedback]');
    expect(feedback['feedback.thanksVote']).toMatch(/^Danke\./);
    expect(feedback['menu.myTraining']).toBeUndefined();
    expect(messagesOf(german, '[data-account-menu]')['menu.myTraining']).toBe('Meine Schulungen');
    expect(messagesOf(german, '[data-search-panel]')['searchUi.reviewOverdue']).toBe('Prüfung überfällig');
  });
});

describe('pages in English', () => {
  it('keep their English chrome', () => {
    const refunds = page('/policies/refunds/');
    expect(refunds.attr('html', 'lang')).toBe('en');
    expect(refunds.text('.skip-link')).toBe('Skip to content');
    expect(refunds.text('.page-feedback-title')).toBe('Was this page helpful?');
    expect(messagesOf(refunds, '[data-account-menu]')['menu.myTraining']).toBe('My training');
    expect(page('/').text('#sections-title')).toBe('Sections');
    expect(page('/404.html').text('h1')).toBe('Page not found');
  });
});

describe('callouts in MDX pages', () => {
  const sample = (url: string) => readPage(join(SAMPLE_DIST, 'client'), url);
  const titles = (built: ReturnType<typeof page>) =>
    built.all('.callout').map((callout) => [callout.properties.ariaLabel, hastText(select('.callout-title', callout) as never)]);

  it('are titled in the page’s language when the author gave no title, like those of Markdown pages', () => {
    expect(titles(sample('/de/procedures/processing-a-refund/'))).toEqual([
      ['Zuerst auf eine Rückbuchung prüfen', 'Zuerst auf eine Rückbuchung prüfen'],
      ['Tipp', 'Tipp'],
      ['So sagen Sie es dem Kunden', 'So sagen Sie es dem Kunden'],
      ['Wenn eine Freigabe nötig ist', 'Wenn eine Freigabe nötig ist'],
    ]);
    expect(titles(sample('/pl/procedures/processing-a-refund/')).map(([label]) => label)).toContain('Wskazówka');
    expect(titles(sample('/procedures/processing-a-refund/'))).toEqual([
      ['Check for a dispute first', 'Check for a dispute first'],
      ['Tip', 'Tip'],
      ['Say to the customer', 'Say to the customer'],
      ['When approval is needed', 'When approval is needed'],
    ]);
  });
});
