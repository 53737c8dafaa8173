import { describe, expect, it } from 'vitest';
import { queryTerms, tokenize } from '../../../src/features/search/query.ts';
import { createSearcher } from '../../../src/features/search/search.ts';
import { pageName, type SearchDocument } from '../../../src/features/search/documents.ts';
import { buildSearchBundle } from '../../../src/features/search/search-index.ts';
import { boundedDistance, corrections, countWords, loadVocabulary, sortedVocabulary } from '../../../src/features/search/vocabulary.ts';

function buildVocabulary(words: string[]) {
  const counts = new Map<string, number>();
  countWords(counts, words);
  return sortedVocabulary(counts);
}

describe('tokenize', () => {
  it('splits on anything but letters and digits, in lower case, keeping accented letters', () => {
    expect(tokenize("Customer's refund – after 30 days? Größe")).toEqual(['customer', 's', 'refund', 'after', '30', 'days', 'größe']);
  });

  it('keeps a version number whole, as the index does, and splits other dotted words', () => {
    expect(tokenize('CVEs for 5.1.5, v2.0 and node.js. Release 4.')).toEqual([
      'cves',
      'for',
      '5.1.5',
      'v2.0',
      'and',
      'node',
      'js',
      'release',
      '4',
    ]);
  });
});

describe('queryTerms', () => {
  const synonyms = [
    ['chargeback', 'dispute', 'disputed payment'],
    ['refund', 'money back'],
  ];

  it('keeps every typed word at full weight', () => {
    expect(queryTerms('refund after 30 days')).toEqual([
      { word: 'refund', weight: 1 },
      { word: 'after', weight: 1 },
      { word: '30', weight: 1 },
      { word: 'days', weight: 1, last: true },
    ]);
  });

  it('adds the other members of a synonym group the question hits, including phrases', () => {
    expect(queryTerms('customer wants money back', synonyms).filter((term) => term.weight < 1)).toEqual([
      { word: 'refund', weight: 0.6, synonym: { member: ['refund'], of: ['money', 'back'] } },
    ]);
    expect(queryTerms('bank says disputed payment', synonyms).map((term) => term.word)).toEqual([
      'bank',
      'says',
      'disputed',
      'payment',
      'chargeback',
      'dispute',
    ]);
  });

  it('matches a phrase in the plural, and leaves out members with words the site never uses', () => {
    const vocabulary = loadVocabulary(buildVocabulary(['chargeback', 'dispute']));
    expect(queryTerms('two disputes this week', synonyms, vocabulary).filter((term) => term.synonym)).toEqual([
      { word: 'chargeback', weight: 0.6, synonym: { member: ['chargeback'], of: ['disputes'] } },
    ]);
  });

  it('adds a phrase of several words only where a page has it', () => {
    const vocabulary = loadVocabulary(buildVocabulary(['chargeback', 'dispute', 'disputed', 'payment']));
    const added = (phrases: string[]) =>
      queryTerms('chargeback fee', synonyms, vocabulary, new Set(phrases))
        .filter((term) => term.synonym)
        .map((term) => term.word);
    expect(added([])).toEqual(['dispute']);
    expect(added(['disputed payment'])).toEqual(['dispute', 'disputed', 'payment']);
  });

  it('does not match part of a phrase', () => {
    expect(queryTerms('money', synonyms).map((term) => term.word)).toEqual(['money']);
  });

  it('adds the site’s own words for misspelt ones, and their synonyms', () => {
    const vocabulary = loadVocabulary(buildVocabulary(['chargeback', 'chargeback', 'dispute', 'disputed', 'payment']));
    expect(queryTerms('chargebak', synonyms, vocabulary)).toEqual([
      { word: 'chargebak', weight: 1, last: true },
      { word: 'chargeback', weight: 0.8, corrects: 'chargebak' },
      // A synonym of the correction stands in for the word as typed.
      { word: 'dispute', weight: 0.6, synonym: { member: ['dispute'], of: ['chargebak'] } },
      { word: 'disputed', weight: 0.6, synonym: { member: ['disputed', 'payment'], of: ['chargebak'] } },
      { word: 'payment', weight: 0.6, synonym: { member: ['disputed', 'payment'], of: ['chargebak'] } },
    ]);
  });

  it('takes the words as typed without corrections, for a language the question may not be in', () => {
    const vocabulary = loadVocabulary(buildVocabulary(['chargeback', 'antwerp', 'time', 'off']));
    expect(queryTerms('chargebak antwort timeoff', synonyms, vocabulary, undefined, { corrections: false })).toEqual([
      { word: 'chargebak', weight: 1 },
      { word: 'antwort', weight: 1 },
      { word: 'timeoff', weight: 1, last: true },
    ]);
  });
});

describe('words written as one or as two', () => {
  const vocabulary = loadVocabulary(
    buildVocabulary(['signoff', 'time', 'off', 'call', 'request', 'candidate', 'candidates', 'references', 'email', 'policy']),
  );
  const added = (text: string) => queryTerms(text, [], vocabulary).filter((term) => term.weight < 1);

  it('searches the site’s single word for two typed ones, as a synonym of both', () => {
    expect(added('policy sign off')).toEqual([{ word: 'signoff', weight: 0.6, synonym: { member: ['signoff'], of: ['sign', 'off'] } }]);
    expect(added('e mail').map((term) => term.word)).toEqual(['email']);
  });

  it('searches the site’s two words for one it never uses, a page needing both', () => {
    const synonym = { member: ['time', 'off'], of: ['timeoff'] };
    expect(added('timeoff request')).toEqual([
      { word: 'time', weight: 0.8, synonym },
      { word: 'off', weight: 0.8, synonym },
    ]);
    expect(added('oncall').map((term) => term.word)).toEqual(['on', 'call']);
  });

  it('leaves possessives, known words and words it cannot split alone', () => {
    expect(added("candidate's references")).toEqual([]);
    expect(added('signoff')).toEqual([]);
    expect(added('xyzzyq')).toEqual([]);
  });
});

describe('corrections', () => {
  const vocabulary = loadVocabulary(
    buildVocabulary(['cryptography', 'identity', 'identify', 'identify', 'verification', 'refund', 'refunds']),
  );

  it('finds the word one typo away, the most frequent first, from eight letters two typos away', () => {
    expect(corrections('identty', vocabulary)).toEqual(['identity']);
    expect(corrections('identiy', vocabulary)).toEqual(['identify', 'identity']);
    expect(corrections('cryptograhy', vocabulary)).toEqual(['cryptography']);
    expect(corrections('verificaton', vocabulary)).toEqual(['verification']);
  });

  it('leaves known, short and far-off words alone', () => {
    expect(corrections('refund', vocabulary)).toEqual([]);
    expect(corrections('rfd', vocabulary)).toEqual([]);
    expect(corrections('identification', vocabulary)).toEqual([]);
  });

  it('counts a swap of two letters as one edit', () => {
    expect(boundedDistance('refnud', 'refund', 2)).toBe(1);
    expect(boundedDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('pageName', () => {
  it('gives the words of the page and folder names, which authors choose for what a page is about', () => {
    expect(pageName('/benefits-pay-perks/benefits-perks/time-off/')).toBe('benefits perks time off');
    expect(pageName('/faq/router_lights/')).toBe('faq router lights');
    expect(pageName('/policies/')).toBe('policies');
  });
});

/** A search document with one section of text. */
function doc(url: string, text: string): SearchDocument {
  return {
    url,
    title: url,
    summary: '',
    type: 'guide',
    section: '',
    lang: 'en',
    tags: [],
    aliases: [],
    sections: [{ anchor: '', heading: '', text }],
  };
}

describe('ranking by how much of the question a page answers', () => {
  it('puts the page that matches every word above one that repeats a single word', () => {
    const bundle = buildSearchBundle('en', [
      doc('/one-word/', 'refund refund refund refund refund refund refund refund refund refund'),
      doc('/whole-question/', 'A refund for a broken router arrives within five days.'),
    ]);
    const hits = createSearcher(bundle).search('refund broken router', { limit: 5 });
    expect(hits.map((hit) => hit.url)).toEqual(['/whole-question/', '/one-word/']);
  });

  it('puts a page with a section about the question above a sibling that matches its words better', () => {
    const page = (url: string, title: string, summary: string, heading: string, text: string): SearchDocument => ({
      ...doc(url, ''),
      title,
      summary,
      sections: [
        { anchor: '', heading: '', text: 'Welcome.' },
        { anchor: 'section', heading, text },
      ],
    });
    const bundle = buildSearchBundle('en', [
      page(
        '/style/',
        'Writing style',
        'Sourcegraph product names.',
        'Plain words',
        'Sourcegraph names its products plainly: Sourcegraph Search, not Search by Sourcegraph.',
      ),
      page('/logo/', 'Our logo', '', 'How did we get the name Sourcegraph?', 'The founders chose a word for code and graphs.'),
    ]);
    // Without the heading boost, /style/ ranks first (5.9 points against 4.5).
    const hits = createSearcher(bundle).search('how did sourcegraph get its name', { limit: 5 });
    expect(hits.map((hit) => hit.url)).toEqual(['/logo/', '/style/']);
    expect(hits[0]?.anchor).toBe('section');
  });

  it('finds a version number as written', () => {
    const bundle = buildSearchBundle('en', [
      doc('/cves-5-1-1/', 'Accepted CVEs for Sourcegraph 5.1.1: 1 critical, 5 high, 1 low.'),
      doc('/cves-5-1-5/', 'Accepted CVEs for Sourcegraph 5.1.5'),
    ]);
    expect(createSearcher(bundle).search('accepted CVEs for 5.1.5', { limit: 5 })[0]?.url).toBe('/cves-5-1-5/');
  });

  it('matches the last, half-typed word as a prefix, and only that one', () => {
    const searcher = createSearcher(buildSearchBundle('en', [doc('/chargebacks/', 'chargeback codes'), doc('/reasons/', 'reason list')]));
    expect(searcher.search('reason chargeb', { limit: 5 }).map((hit) => hit.url)).toContain('/chargebacks/');
    // Earlier in the question, "chargeb" is taken as typed: no page uses it.
    expect(searcher.search('chargeb reason', { limit: 5 }).map((hit) => hit.url)).toEqual(['/reasons/']);
  });
});

describe('English stop words', () => {
  it('keeps the short words that carry meaning in support questions', () => {
    const searcher = createSearcher(
      buildSearchBundle('en', [
        doc('/time-off/', 'Book your time off in the calendar.'),
        doc('/calendar/', 'The calendar shows your meetings.'),
      ]),
    );
    expect(searcher.search('days off', { limit: 5 }).map((hit) => hit.url)).toEqual(['/time-off/']);
  });
});

describe('synonyms in questions', () => {
  it('count for the words they stand in for when a page has the whole synonym', () => {
    const searcher = createSearcher(
      buildSearchBundle(
        'en',
        [
          doc('/company-meeting/', 'The company meeting is every Thursday. Bring questions for the leadership team.'),
          doc('/handoff/', 'Hands off a ticket to the next shift. All open tickets move with it.'),
          doc('/company/', 'Our company was founded in 2014.'),
        ],
        [
          ['all', 'hands'],
          ['company', 'meeting'],
        ],
      ),
      [['all hands', 'company meeting']],
    );
    expect(searcher.search('when is the all hands', { limit: 5 }).map((hit) => hit.url)[0]).toBe('/company-meeting/');
  });
});

describe('stop words in questions', () => {
  it('are dropped, even where their stem is a word the site uses', () => {
    const searcher = createSearcher(
      buildSearchBundle('en', [doc('/ar/', 'AR: accounts receivable and collections.'), doc('/values/', 'Our company values.')]),
    );
    expect(searcher.search('what are our company values', { limit: 5 }).map((hit) => hit.url)).toEqual(['/values/']);
  });
});
