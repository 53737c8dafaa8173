/**
 * Translations beside their originals: their addresses, what they take from the original, the
 * languages every page learns of, and the content check's words for a translation of nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageInLanguage } from '../../../src/features/content/in-language.ts';
import { placeOf, translationOf, urlForFile } from '../../../src/features/content/paths.ts';
import { loadSite } from '../../../src/features/handbook/load-site.ts';
import type { SiteModel } from '../../../src/features/handbook/types.ts';

describe('translation file names', () => {
  it('put the language before the extension, and the address under the language', () => {
    expect(translationOf('policies/refunds.de.md')).toEqual({ lang: 'de', original: 'policies/refunds.md' });
    expect(translationOf('procedures/process-refund.pl.mdx')).toEqual({ lang: 'pl', original: 'procedures/process-refund.mdx' });
    expect(translationOf('policies/refunds.md')).toBeUndefined();
    expect(translationOf('guides/version.2.md')).toBeUndefined();
    expect(urlForFile('policies/refunds.de.md')).toBe('/de/policies/refunds/');
    expect(urlForFile('training/basics/index.fi.md')).toBe('/fi/training/basics/');
    expect(urlForFile('training/basics/02-first-call.sv.md')).toBe('/sv/training/basics/first-call/');
    expect(placeOf('training/basics/02-first-call.sv.md')).toBe('training/basics/02-first-call.md');
  });
});

describe('a content folder with translations', () => {
  let dir: string;
  let site: SiteModel;
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'knowhow-translations-'));
    write('index.md', '---\ntitle: Handbook\nowner: Knowledge Team\nreviewed: 2026-10-01\n---\nWelcome.\n');
    write('policies/index.md', '---\ntitle: Policies\nowner: Policy Team\nreviewed: 2026-10-01\n---\nAll policies.\n');
    write(
      'policies/refunds.md',
      '---\ntitle: Refunds\nowner: Billing Operations\nreviewed: 2026-09-01\ntags: [billing]\naudience: [agent]\n---\n## Refund window\n\nThirty days.\n',
    );
    write(
      'policies/refunds.de.md',
      '---\ntitle: Rückerstattungen\nsummary: Dreißig Tage.\n---\n## Rückerstattungsfrist\n\nDreißig Tage.\n',
    );
    write('policies/refunds.pl.md', '---\ntitle: Zwroty\n---\n## Termin zwrotu\n\nTrzydzieści dni.\n');
    write('policies/vouchers.md', '---\ntitle: Vouchers\nowner: Billing Operations\nversion: 2\n---\nText.\n');
    write('policies/vouchers.de.md', '---\ntitle: Gutscheine\ntranslatedFrom: 2\n---\nText.\n');
    write('policies/vouchers.fi.md', '---\ntitle: Lahjakortit\ntranslatedFrom: 1\n---\nTeksti.\n');
    write('policies/privacy.sv.md', '---\ntitle: Integritet\n---\nText.\n');
    write('policies/refunds.en.md', '---\ntitle: Refunds again\n---\nText.\n');
    site = loadSite(dir, { now: new Date('2026-11-27T12:00:00Z') });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const page = (url: string) => site.pages.find((candidate) => candidate.url === url);

  it('gives each translation its language and address, and the original’s owner, type, review and audience', () => {
    expect(page('/de/policies/refunds/')).toMatchObject({
      file: 'policies/refunds.de.md',
      lang: 'de',
      title: 'Rückerstattungen',
      translationOf: '/policies/refunds/',
      type: 'policy',
      owner: 'Billing Operations',
      reviewed: '2026-09-01',
      reviewDue: '2027-03-01',
      tags: ['billing'],
      audience: ['agent'],
      section: '/policies/',
    });
  });

  it('links a page in a reader’s language only to a translation that is current', () => {
    const vouchers = { url: '/policies/vouchers/', title: 'Vouchers' };
    expect(pageInLanguage(site.pages, vouchers, 'de')).toEqual({ url: '/de/policies/vouchers/', title: 'Gutscheine' });
    // The Finnish one was made from version 1; the original is at version 2.
    expect(pageInLanguage(site.pages, vouchers, 'fi')).toEqual(vouchers);
    expect(pageInLanguage(site.pages, vouchers, 'sv')).toEqual(vouchers);
    expect(pageInLanguage(site.pages, vouchers, 'en')).toEqual(vouchers);
  });

  it('flags a translation made from an earlier version of its original, or from an unknown one', () => {
    expect(page('/de/policies/vouchers/')).toMatchObject({ translatedFrom: '2', translationStale: false });
    expect(page('/fi/policies/vouchers/')).toMatchObject({ translatedFrom: '1', translationStale: true });
    expect(page('/pl/policies/refunds/')?.translationStale).toBe(true);
    expect(
      site.problems.find((problem) => problem.code === 'TRANSLATION_UNVERSIONED' && problem.file === 'policies/refunds.pl.md'),
    ).toMatchObject({
      severity: 'warning',
      message:
        'the translation does not say which version of policies/refunds.md it was made from, so readers are told it may be out of date',
      hint: 'once it says what the original says, run npm run translation -- --mark policies/refunds.pl.md',
    });
  });

  it('tells every page its other languages', () => {
    expect(page('/policies/refunds/')?.translations).toEqual([
      { lang: 'de', url: '/de/policies/refunds/' },
      { lang: 'pl', url: '/pl/policies/refunds/' },
    ]);
    expect(page('/pl/policies/refunds/')?.translations).toEqual([
      { lang: 'de', url: '/de/policies/refunds/' },
      { lang: 'en', url: '/policies/refunds/' },
    ]);
  });

  it('lists only originals in their section', () => {
    const policies = site.sections.find((section) => section.url === '/policies/');
    expect(policies?.pages).toEqual(['policies/refunds', 'policies/vouchers']);
  });

  it('says when a translation has no original, or is in its original’s language', () => {
    const problems = site.problems.filter((problem) => problem.code.startsWith('TRANSLATION') && problem.severity === 'error');
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'TRANSLATION_WITHOUT_ORIGINAL',
        file: 'policies/privacy.sv.md',
        message: 'the name says this is a translation (.sv), but there is no policies/privacy.md beside it to translate',
        hint: 'add the original as policies/privacy.md, or rename this file if it is not a translation',
      },
      {
        severity: 'error',
        code: 'TRANSLATION_IN_ORIGINAL_LANGUAGE',
        file: 'policies/refunds.en.md',
        message: 'the name says this is a translation into en, the language policies/refunds.md is written in',
        hint: 'name a translation after the language it is in, e.g. policies/refunds.de.md',
      },
    ]);
  });
});
