/**
 * The Polish stemmer of the server's index (lunr-languages' lunr.pl.js, a suffix stripper),
 * without lunr, for the browser: Pagefind's own Polish matching leaves many forms apart
 * ("zwrotów" finds only the pages that write "zwrotów", none of "zwrot" or "zwroty"), so the
 * in-page search stems a Polish word itself and searches the site's words that share its stem
 * (word-forms.ts). The same file as the server's, so both paths agree on which words are one
 * (a test checks it).
 */
import registerPolish from 'lunr-languages/lunr.pl.js';

type Stem = (word: string) => string;

/**
 * lunr.pl.js registers its stemmer, trimmer and stop words on the lunr object it is given; the
 * stemmer itself uses none of lunr. Given the little it reads while registering, it leaves its
 * stemmer here, which called with a string (lunr 1's way) returns a string.
 */
function loadStemmer(): Stem {
  const pass = (token: unknown) => token;
  const host = {
    stemmerSupport: {},
    trimmerSupport: { generateTrimmer: () => pass },
    Pipeline: { registerFunction: () => undefined },
    generateStopWordFilter: () => pass,
  } as unknown as Parameters<typeof registerPolish>[0] & { pl: { stemmer: Stem } };
  registerPolish(host);
  return host.pl.stemmer;
}

const stemmer = loadStemmer();

/** A Polish word's stem, as the server's index has it ("zwrotu" and "zwrot": "zwrot"). */
export function polishStem(word: string): string {
  return stemmer(word.toLowerCase());
}
