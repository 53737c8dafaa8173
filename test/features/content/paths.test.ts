import { describe, expect, it } from 'vitest';
import { humanize, idForUrl, joinPath, orderOf, urlForFile } from '../../../src/features/content/paths.ts';

describe('urlForFile', () => {
  it.each([
    ['index.md', '/'],
    ['policies/refunds.md', '/policies/refunds/'],
    ['policies/index.md', '/policies/'],
    ['policies/README.md', '/policies/'],
    ['procedures/Processing a Refund.mdx', '/procedures/processing-a-refund/'],
    ['training/onboarding/02-first-call.md', '/training/onboarding/first-call/'],
    ['training/01-onboarding/index.md', '/training/onboarding/'],
    // Version-like names are not order numbers.
    ['security/trivy/5-0-1.md', '/security/trivy/5-0-1/'],
    ['team/Navan.md', '/team/navan/'],
  ])('%s -> %s', (file, url) => {
    expect(urlForFile(file)).toBe(url);
  });

  it('gives the home page an id Astro accepts', () => {
    expect(idForUrl('/')).toBe('index');
    expect(idForUrl('/policies/refunds/')).toBe('policies/refunds');
  });
});

describe('helpers', () => {
  it('reads order numbers only in front of a word', () => {
    expect(orderOf('02-first-call.md')).toBe(2);
    expect(orderOf('5-0-1.md')).toBeUndefined();
    expect(orderOf('first-call.md')).toBeUndefined();
  });

  it('joins paths and refuses to leave the content folder', () => {
    expect(joinPath('policies', '../procedures/refund.md')).toBe('procedures/refund.md');
    expect(joinPath('', '/faq/./a.md')).toBe('faq/a.md');
    expect(joinPath('policies', '../../secrets.md')).toBeUndefined();
  });

  it('turns file names into titles', () => {
    expect(humanize('03-data-deletion_requests.md')).toBe('Data deletion requests');
  });
});
