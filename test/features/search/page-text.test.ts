import { describe, expect, it } from 'vitest';
import { htmlToText, pageSections } from '../../../src/features/search/page-text.ts';

describe('pageSections', () => {
  const html = `<html><nav>Site navigation</nav><article><h1>Refunds</h1>
    <div class="content"><p>Intro &amp; overview.</p>
    <h2 id="refund-window" class="heading">Refund window<a class="heading-link" href="#refund-window"><span aria-hidden="true">#</span><span class="sr-only">Link to this section: Refund window</span></a></h2>
    <p>Thirty days.</p><aside class="callout"><p class="callout-title">Say to the customer</p><p>&quot;Sorry&quot;</p></aside>
    <h3 id="equipment">Equipment</h3><ul><li>Router</li><li>Box</li></ul></div><span data-content-end hidden></span>
    <footer>Related pages</footer></article></html>`;

  it('splits the article content into sections at h2 and h3, without navigation or heading links', () => {
    expect(pageSections(html)).toEqual([
      { anchor: '', heading: '', text: 'Intro & overview.' },
      { anchor: 'refund-window', heading: 'Refund window', text: 'Thirty days. Say to the customer "Sorry"' },
      { anchor: 'equipment', heading: 'Equipment', text: 'Router Box' },
    ]);
  });

  it('finds nothing in a page without article content', () => {
    expect(pageSections('<html><body><h1>Policies</h1></body></html>')).toEqual([]);
  });

  it('decodes entities', () => {
    expect(htmlToText('a&nbsp;b &#8364;5 &#x2192; &lt;tag&gt;')).toBe('a b €5 → <tag>');
  });
});
