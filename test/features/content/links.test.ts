import { describe, expect, it } from 'vitest';
import { assetUrl, buildContentIndex, hrefFor, resolveLink } from '../../../src/features/content/links.ts';

const index = buildContentIndex([
  'index.md',
  'policies/index.md',
  'policies/refunds.md',
  'policies/data deletion.md',
  'procedures/issue-a-refund.md',
  'procedures/escalations/01-phone.mdx',
  'faq/README.md',
  'training/onboarding/02-first-call.md',
  'images/router.svg',
  'images/router lights.svg',
  'forms/Refund form (2026).pdf',
]);
const from = 'procedures/issue-a-refund.md';
const resolve = (href: string) => resolveLink(from, href, index);

describe('resolveLink', () => {
  it.each([
    'https://example.com/policies/refunds.md',
    'http://example.com',
    '//cdn.example.com/guide.md',
    'mailto:support@acme.example',
    'tel:+441234567890',
    'data:image/png;base64,AAAA',
  ])('treats %s as external', (href) => {
    expect(resolve(href)).toEqual({ kind: 'external' });
  });

  it('resolves a bare #anchor to the same page, decoded', () => {
    expect(resolve('#before-you-start')).toEqual({ kind: 'same-page', anchor: 'before-you-start' });
    expect(resolve('#refund%20window')).toEqual({ kind: 'same-page', anchor: 'refund window' });
    expect(resolve('')).toEqual({ kind: 'same-page', anchor: '' });
  });

  it('resolves a relative link to a page file, with and without its anchor', () => {
    expect(resolve('../policies/refunds.md')).toEqual({ kind: 'page', url: '/policies/refunds/', file: 'policies/refunds.md' });
    expect(resolve('../policies/refunds.md#refund-window')).toEqual({
      kind: 'page',
      url: '/policies/refunds/',
      file: 'policies/refunds.md',
      anchor: 'refund-window',
    });
  });

  it('finds the page when the link leaves out the extension', () => {
    expect(resolve('../policies/refunds')).toMatchObject({ kind: 'page', file: 'policies/refunds.md' });
    expect(resolve('escalations/01-phone#ring-back')).toEqual({
      kind: 'page',
      url: '/procedures/escalations/phone/',
      file: 'procedures/escalations/01-phone.mdx',
      anchor: 'ring-back',
    });
  });

  it('resolves a folder with an index page or README to that page', () => {
    expect(resolve('../policies/')).toEqual({ kind: 'page', url: '/policies/', file: 'policies/index.md' });
    expect(resolve('../faq')).toEqual({ kind: 'page', url: '/faq/', file: 'faq/README.md' });
  });

  it('resolves a folder without an index page to its section, which has no file', () => {
    expect(resolve('escalations/')).toEqual({ kind: 'page', url: '/procedures/escalations/' });
    expect(resolve('/training#lessons')).toEqual({ kind: 'page', url: '/training/', anchor: 'lessons' });
  });

  it('resolves a leading / from the content folder', () => {
    expect(resolve('/policies/refunds.md#refund-window')).toMatchObject({
      kind: 'page',
      file: 'policies/refunds.md',
      anchor: 'refund-window',
    });
  });

  it('follows a link written as a site URL to the page that has it', () => {
    expect(resolve('/training/onboarding/first-call/')).toEqual({
      kind: 'page',
      url: '/training/onboarding/first-call/',
      file: 'training/onboarding/02-first-call.md',
    });
    expect(resolve('/policies/data-deletion/#verify')).toEqual({
      kind: 'page',
      url: '/policies/data-deletion/',
      file: 'policies/data deletion.md',
      anchor: 'verify',
    });
  });

  it('decodes the path and drops a query string', () => {
    expect(resolve('../policies/data%20deletion.md')).toMatchObject({ kind: 'page', file: 'policies/data deletion.md' });
    expect(resolve('../policies/refunds.md?tab=2#refund-window')).toMatchObject({
      kind: 'page',
      file: 'policies/refunds.md',
      anchor: 'refund-window',
    });
  });

  it('resolves a file that is not a page to an asset served at its path', () => {
    expect(resolve('../images/router.svg')).toEqual({ kind: 'asset', file: 'images/router.svg', url: '/images/router.svg' });
    expect(resolve('../images/router%20lights.svg')).toEqual({
      kind: 'asset',
      file: 'images/router lights.svg',
      url: '/images/router%20lights.svg',
    });
  });

  it('reports a link to nothing in the content folder as missing, with its anchor', () => {
    expect(resolve('../policies/gone.md#refund-window')).toEqual({ kind: 'missing', path: 'policies/gone.md', anchor: 'refund-window' });
    expect(resolve('../images/modem.png')).toEqual({ kind: 'missing', path: 'images/modem.png' });
    expect(resolve('/policies/gone/')).toEqual({ kind: 'missing', path: 'policies/gone' });
  });

  it('reports a link that climbs out of the content folder as missing', () => {
    expect(resolve('../../README.md')).toEqual({ kind: 'missing', path: '../../README.md' });
    expect(resolve('/../secrets.md#key')).toEqual({ kind: 'missing', path: '/../secrets.md', anchor: 'key' });
  });
});

describe('buildContentIndex', () => {
  it('maps every page file to its URL and keeps every file', () => {
    expect(index.pageUrls.get('policies/refunds.md')).toBe('/policies/refunds/');
    expect(index.pageUrls.get('index.md')).toBe('/');
    expect(index.pageUrls.has('images/router.svg')).toBe(false);
    expect(index.files.has('images/router.svg')).toBe(true);
  });

  it('keeps the first file when two claim one URL', () => {
    const clash = buildContentIndex(['policies/refunds.md', 'policies/refunds.mdx', 'policies/refunds/index.md']);
    expect(clash.pagesByUrl.get('/policies/refunds/')).toBe('policies/refunds.md');
    expect(clash.pageUrls.get('policies/refunds.mdx')).toBe('/policies/refunds/');
    expect(clash.pageUrls.get('policies/refunds/index.md')).toBe('/policies/refunds/');
  });

  it('counts every folder above a page as a section, but not folders of other files', () => {
    const deep = buildContentIndex(['a/b/c/page.md', 'a/x/page.md', 'images/logo.svg', 'docs/assets/diagram.png', 'docs/guide.md']);
    expect([...deep.sectionDirs].sort()).toEqual(['', 'a', 'a/b', 'a/b/c', 'a/x', 'docs']);
  });

  it('always has the content folder itself as a section', () => {
    expect([...buildContentIndex([]).sectionDirs]).toEqual(['']);
  });
});

describe('assetUrl', () => {
  it('serves a file at its path, each segment encoded', () => {
    expect(assetUrl('images/router.svg')).toBe('/images/router.svg');
    expect(assetUrl('forms/Refund form (2026).pdf')).toBe('/forms/Refund%20form%20(2026).pdf');
    expect(assetUrl('images/a#b?c.svg')).toBe('/images/a%23b%3Fc.svg');
    expect(assetUrl('bilder/Übersicht.png')).toBe('/bilder/%C3%9Cbersicht.png');
  });
});

describe('hrefFor', () => {
  it('is the URL, with the anchor encoded after # when there is one', () => {
    expect(hrefFor({ kind: 'page', url: '/policies/refunds/' })).toBe('/policies/refunds/');
    expect(hrefFor({ kind: 'page', url: '/policies/refunds/', anchor: 'refund-window' })).toBe('/policies/refunds/#refund-window');
    expect(hrefFor({ kind: 'page', url: '/policies/refunds/', anchor: 'refund window' })).toBe('/policies/refunds/#refund%20window');
    expect(hrefFor({ kind: 'page', url: '/faq/', anchor: 'über-uns' })).toBe('/faq/#%C3%BCber-uns');
  });

  it('round-trips a link resolved from a file path', () => {
    const target = resolve('../policies/refunds.md#refund-window');
    expect(target.kind === 'page' && hrefFor(target)).toBe('/policies/refunds/#refund-window');
  });

  it('resolves a link to the content root to the home page file, so its anchors are checked', () => {
    const index = buildContentIndex(['index.md', 'policies/refunds.md']);
    expect(resolveLink('policies/refunds.md', '../#search', index)).toEqual({ kind: 'page', url: '/', file: 'index.md', anchor: 'search' });
  });
});
