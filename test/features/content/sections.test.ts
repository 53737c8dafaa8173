import { describe, expect, it } from 'vitest';
import { buildContentIndex } from '../../../src/features/content/links.ts';
import { buildSections } from '../../../src/features/content/sections.ts';
import type { PageRecord, SectionRecord } from '../../../src/features/content/types.ts';
import { pageRecord } from '../../helpers/page-record.ts';

const page = pageRecord;

function sections(pages: PageRecord[], siteName = 'Acme Support'): Map<string, SectionRecord> {
  const { sectionDirs } = buildContentIndex(pages.map((record) => record.file));
  return new Map(buildSections(pages, sectionDirs, siteName).map((section) => [section.dir, section]));
}

describe('buildSections', () => {
  it('makes a section of every folder, titled from its name when it has no index page', () => {
    const result = sections([page('policies/data-deletion_requests/erasure.md'), page('training/01-onboarding/welcome.md')]);
    expect([...result.keys()]).toEqual(['', 'policies', 'policies/data-deletion_requests', 'training', 'training/01-onboarding']);
    expect(result.get('policies/data-deletion_requests')).toMatchObject({
      url: '/policies/data-deletion-requests/',
      title: 'Data deletion requests',
    });
    expect(result.get('training/01-onboarding')).toMatchObject({ url: '/training/onboarding/', title: 'Onboarding' });
    expect(result.get('policies')?.indexPage).toBeUndefined();
  });

  it('titles the content folder after the site', () => {
    expect(sections([page('policies/refunds.md')]).get('')?.title).toBe('Acme Support');
  });

  it('takes the title and summary of a folder from its index page', () => {
    const result = sections([
      page('policies/index.md', { title: 'Our policies', summary: 'The rules we work by.' }),
      page('policies/refunds.md', { title: 'Refunds' }),
      page('index.md', { title: 'Welcome' }),
    ]);
    expect(result.get('policies')).toMatchObject({
      title: 'Our policies',
      summary: 'The rules we work by.',
      indexPage: 'policies',
      pages: ['policies/refunds'],
    });
    expect(result.get('')).toMatchObject({ title: 'Welcome', indexPage: 'index', pages: [] });
  });

  it('gives a section no summary when its index page has none', () => {
    const result = sections([page('faq/README.md', { title: 'Questions' })]);
    expect(result.get('faq')).toMatchObject({ title: 'Questions', indexPage: 'faq' });
    expect(result.get('faq')).not.toHaveProperty('summary');
  });

  it('lists numbered pages first in number order, then the rest by title', () => {
    const result = sections([
      page('training/onboarding/zebra.md', { title: 'Zebra crossing' }),
      page('training/onboarding/10-wrap-up.md', { title: 'Wrap up' }),
      page('training/onboarding/02-first-call.md', { title: 'First call' }),
      page('training/onboarding/apples.md', { title: 'Apples' }),
      page('training/onboarding/01-welcome.md', { title: 'Welcome' }),
    ]);
    expect(result.get('training/onboarding')?.pages).toEqual([
      'training/onboarding/welcome',
      'training/onboarding/first-call',
      'training/onboarding/wrap-up',
      'training/onboarding/apples',
      'training/onboarding/zebra',
    ]);
  });

  it('makes foo.md the index page of a foo/ folder that has none', () => {
    const refunds = page('policies/refunds.md', { title: 'Refunds', summary: 'Money back within 30 days.' });
    const result = sections([refunds, page('policies/refunds/gift-cards.md', { title: 'Gift cards' })]);
    expect(result.get('policies/refunds')).toMatchObject({
      title: 'Refunds',
      summary: 'Money back within 30 days.',
      indexPage: 'policies/refunds',
      pages: ['policies/refunds/gift-cards'],
    });
    expect(result.get('policies')?.pages).toEqual([]);
    expect(refunds.isSectionIndex).toBe(true);
  });

  it('leaves foo.md a page of its own folder when foo/ has an index page', () => {
    const refunds = page('policies/refunds.md', { title: 'Refunds' });
    const result = sections([page('policies/refunds/index.md', { title: 'All about refunds' }), refunds]);
    expect(result.get('policies/refunds')).toMatchObject({ title: 'All about refunds', indexPage: 'policies/refunds' });
    expect(refunds.isSectionIndex).toBe(false);
  });

  it('marks the folders directly under training/ as training modules', () => {
    const result = sections([page('training/onboarding/01-welcome.md'), page('training/onboarding/extras/tips.md'), page('guides/x.md')]);
    expect([...result.values()].filter((section) => section.isTrainingModule).map((section) => section.dir)).toEqual([
      'training/onboarding',
    ]);
  });

  it('lists subsections by title', () => {
    const result = sections([
      page('policies/refunds/index.md', { title: 'Zero-fuss refunds' }),
      page('policies/billing/page.md'),
      page('policies/accounts/index.md', { title: 'Your account' }),
    ]);
    expect(result.get('policies')?.sections).toEqual(['/policies/billing/', '/policies/accounts/', '/policies/refunds/']);
    expect(result.get('')?.sections).toEqual(['/policies/']);
  });

  it('orders numbered subsections by number', () => {
    const pages = [page('training/10-advanced/a.md'), page('training/02-basics/a.md'), page('training/extras/a.md')];
    const sections = buildSections(pages, ['', 'training', 'training/10-advanced', 'training/02-basics', 'training/extras'], 'Site');
    expect(sections.find((section) => section.dir === 'training')?.sections).toEqual([
      '/training/basics/',
      '/training/advanced/',
      '/training/extras/',
    ]);
  });
});
