import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/features/search/documents.ts';
import { SEARCH_LANGUAGES } from '../../../src/features/search/lunr-languages.ts';
import { createSearcher } from '../../../src/features/search/search.ts';
import { buildSearchBundle, indexedFields, lunrBuilder, type SearchBundle } from '../../../src/features/search/search-index.ts';

function page(url: string, title: string, text: string, summary = ''): SearchDocument {
  return {
    url,
    title,
    summary,
    type: 'guide',
    section: '',
    lang: 'en',
    tags: [],
    aliases: [],
    sections: [
      { anchor: '', heading: '', text },
      { anchor: 'more', heading: `More about ${title}`, text: `${text} ${text.toUpperCase()}` },
    ],
  };
}

// Words that repeat, stop words, hyphens, punctuation lunr's trimmer removes, runs of spaces,
// digits, and words each language's stemmer changes.
const pages = [
  page(
    '/time-off/',
    'Time-Off Policy',
    'The on-call rota: take time off, then log out.  Policies — policies! (2024)',
    'How to request leave.',
  ),
  page('/security/vpn/', 'VPN access', '--verbose "quoted" words, e-mail and emails; the VPN is not working? Größe, Straßen, Häuser.'),
  page('/fi/loma/', 'Lomat ja vapaat', 'Lomapäivät kertyvät kuukausittain. Työntekijä pitää lomansa kesällä; työntekijöiden lomat.'),
  page('/pl/urlop/', 'Urlop wypoczynkowy', 'Pracownicy otrzymują urlopy. Pracownikowi przysługuje urlop — dni urlopu. ΟΔΟΣ όδος'),
  page('/sv/semester/', 'Semester och ledighet', 'Anställda får semesterdagar. Anställningen börjar; semestrarna planeras tidigt.'),
];

/** The index as lunr itself builds it, word by word. */
function lunrIndex(language: (typeof SEARCH_LANGUAGES)[number]): object {
  const builder = lunrBuilder(language);
  for (const document of pages) builder.add(indexedFields(document));
  return builder.build().toJSON();
}

describe('buildSearchBundle', () => {
  it.each(SEARCH_LANGUAGES)('builds the index lunr builds, in %s', (language) => {
    expect(JSON.stringify(buildSearchBundle(language, pages).index)).toBe(JSON.stringify(lunrIndex(language)));
  });

  it('saves an index that answers the same once loaded', () => {
    const bundle = buildSearchBundle('en', pages);
    const saved = JSON.parse(JSON.stringify(bundle)) as SearchBundle;
    const fromLunr = createSearcher({ ...saved, index: JSON.parse(JSON.stringify(lunrIndex('en'))) as object });
    for (const question of ['time off policy', 'vpn not working', 'emails', 'polic', 'verbos', 'on call rota']) {
      const hits = createSearcher(saved).search(question, { limit: 10 });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits).toEqual(fromLunr.search(question, { limit: 10 }));
    }
  });
});
