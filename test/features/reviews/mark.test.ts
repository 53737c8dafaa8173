/** Recording a review in a page's front matter changes that one value and not a byte more. */
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/features/content/frontmatter.ts';
import { markReviewed } from '../../../src/features/reviews/mark.ts';

describe('markReviewed', () => {
  it('replaces the date, keeping spacing, quotes gone and a trailing comment', () => {
    const source =
      '---\ntitle: Refunds\nreviewed:   2026-01-05   # by Priya\nowner: Billing\n---\n\n# Refunds\n\nBody with reviewed: 2020-01-01 in it.\n';
    expect(markReviewed(source, '2026-11-27')).toBe(source.replace('reviewed:   2026-01-05', 'reviewed:   2026-11-27'));
    expect(markReviewed('---\nreviewed: "2026-01-05"\n---\nText', '2026-11-27')).toBe('---\nreviewed: 2026-11-27\n---\nText');
  });

  it('adds the field before the closing line when the front matter has none', () => {
    const source = '---\ntitle: Refunds\ntags: [billing]\n---\nText\n';
    expect(markReviewed(source, '2026-11-27')).toBe('---\ntitle: Refunds\ntags: [billing]\nreviewed: 2026-11-27\n---\nText\n');
    expect(markReviewed('---\n---\nText', '2026-11-27')).toBe('---\nreviewed: 2026-11-27\n---\nText');
  });

  it('only touches the top-level field, not one nested or in the body', () => {
    const source = '---\ntitle: A\nhistory:\n  reviewed: 2020-01-01\n---\nreviewed: 2020-01-01\n';
    expect(markReviewed(source, '2026-11-27')).toBe(
      '---\ntitle: A\nhistory:\n  reviewed: 2020-01-01\nreviewed: 2026-11-27\n---\nreviewed: 2020-01-01\n',
    );
  });

  it('gives a page without front matter one with just the date, the rest byte-identical', () => {
    const source = '# Moving house\n\nYes, you can take your broadband with you.\n';
    const marked = markReviewed(source, '2026-11-27');
    expect(marked).toBe(`---\nreviewed: 2026-11-27\n---\n${source}`);
    expect(marked.endsWith(source)).toBe(true);
  });

  it('keeps Windows line endings and a byte order mark', () => {
    const source = '\uFEFF---\r\ntitle: A\r\n---\r\nText\r\n';
    expect(markReviewed(source, '2026-11-27')).toBe('\uFEFF---\r\ntitle: A\r\nreviewed: 2026-11-27\r\n---\r\nText\r\n');
  });

  it('writes front matter the content loader reads back', () => {
    const marked = markReviewed('---\ntitle: Refunds\nreviewed: 2026-01-05\n---\n# Refunds\n', '2026-11-27');
    expect(parseFrontMatter('refunds.md', marked, { today: '2026-11-27' }).data.reviewed).toBe('2026-11-27');
    const added = markReviewed('# Moving house\n', '2026-11-27');
    expect(parseFrontMatter('moving.md', added, { today: '2026-11-27' })).toMatchObject({
      data: { reviewed: '2026-11-27' },
      problems: [],
      body: '# Moving house\n',
    });
  });
});
