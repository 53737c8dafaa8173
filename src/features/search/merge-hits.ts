/**
 * The browser's search asks Pagefind for each word of the question separately (Pagefind alone
 * only finds pages that contain every word) and merges the answers here: a page's score is the
 * sum of its word scores, weighted like the words (synonyms and corrections count less), times
 * the coverage boost for the share of the typed words it matches, or matches a synonym of, the
 * heading boost for the share its title and one of its headings answer, and the title boost for
 * the share of the question's words its title has (coverage.ts); a page whose title is the
 * question comes first (coverage.ts, titlesFirst).
 */
import { boostBest, coverageBoost, headingBoost, type TitleWords, titleBoost, titleShare, titlesFirst } from './coverage.ts';
import { type QueryTerm, synonymsOf } from './query.ts';

export interface TermHit {
  id: string;
  score: number;
  /** Where the word is in the page's indexed text, counted in words. */
  words?: number[];
}

export interface TermSearch<Hit extends TermHit> {
  term: QueryTerm;
  hits: Hit[];
}

export interface MergedPage<Hit extends TermHit> {
  id: string;
  score: number;
  /** The page's hit for each word it matched, best word first. */
  hits: { term: QueryTerm; hit: Hit }[];
}

/**
 * Where a page's title and headings are in its indexed text, in words: the title from 0 up to
 * `titleEnd`, each heading from `headings[i][0]` up to `headings[i][1]`, in order.
 */
export interface HeadingPlaces {
  titleEnd: number;
  headings: [start: number, end: number][];
}

/** What the merge knows of a page besides its hits: its title, where its headings are. */
export interface PageFacts {
  title: TitleWords;
  places: HeadingPlaces | undefined;
}

/**
 * `searches` holds one entry per word searched, stop words already left out; `question` is
 * every word typed (tokenize), stop words included; `pageFacts` gives a page's title and where
 * its title and headings are in its text (without them, no title or heading boost); `titled`
 * holds the pages whose title is the question, which come first, found by its words or not (then
 * with no score and no hits). The pages come best first, exactly so for the first `limit`; the
 * title and heading boosts are left out for pages that cannot reach those, which saves most of
 * the work on a large site.
 */
export function mergeTermHits<Hit extends TermHit>(
  searches: TermSearch<Hit>[],
  question: readonly string[] = [],
  pageFacts: (id: string) => PageFacts | undefined = () => undefined,
  limit = Number.POSITIVE_INFINITY,
  titled: ReadonlySet<string> = new Set(),
): MergedPage<Hit>[] {
  const share = answeredShare(searches);
  const titleShareOf = titleShare(question);
  const pages = new Map<string, { score: number; hits: { term: QueryTerm; hit: Hit }[] }>();
  for (const { term, hits } of searches) {
    for (const hit of hits) {
      let page = pages.get(hit.id);
      if (!page) {
        page = { score: 0, hits: [] };
        pages.set(hit.id, page);
      }
      page.score += term.weight * hit.score;
      page.hits.push({ term, hit });
    }
  }
  const candidates = [...pages]
    .map(([id, page]) => ({ id, page, score: page.score * coverageBoost(share(page.hits.map(({ term }) => term))) }))
    .sort((a, b) => b.score - a.score);
  const boosted = boostBest(candidates, limit, ({ id, page }) => {
    const facts = pageFacts(id);
    const headings = facts?.places ? headingShare(page.hits, facts.places, share) : 0;
    return headingBoost(headings) * titleBoost(facts ? titleShareOf(facts.title) : 0);
  });
  const unmatched: typeof boosted = [...titled]
    .filter((id) => !pages.has(id))
    .map((id) => ({ id, page: { score: 0, hits: [] }, score: 0 }));
  const ranked = titled.size > 0 ? titlesFirst([...boosted, ...unmatched], ({ id }) => titled.has(id)) : boosted;
  return ranked.map(({ id, page, score }) => ({
    id,
    score,
    hits: page.hits.sort((a, b) => b.term.weight * b.hit.score - a.term.weight * a.hit.score),
  }));
}

/**
 * The share of the typed words that a set of matched words answers: a typed word answers
 * itself, a correction the word it corrects, and a synonym all of whose searched words matched
 * the words it stands in for.
 */
function answeredShare(searches: TermSearch<TermHit>[]): (matched: QueryTerm[]) => number {
  const typed = searches.filter(({ term }) => term.weight === 1).length;
  const searched = new Set(searches.map(({ term }) => term.word));
  // A synonym's words that were searched (its stop words were not): a page needs all of them.
  const synonyms = synonymsOf(searches.map(({ term }) => term))
    .map(({ member, of }) => ({ words: member.filter((word) => searched.has(word)), of }))
    .filter(({ words }) => words.length > 0);
  return (matched) => {
    if (typed === 0) return 0;
    const answered = new Set<string>();
    for (const term of matched) {
      const counts = term.corrects ?? (term.weight === 1 ? term.word : undefined);
      if (counts !== undefined) answered.add(counts);
    }
    const words = new Set(matched.map((term) => term.word));
    for (const { words: needed, of } of synonyms) if (needed.every((word) => words.has(word))) for (const word of of) answered.add(word);
    return answered.size / typed;
  };
}

/** The largest share of the question that the page's title answers, alone or with one heading. */
function headingShare(
  hits: { term: QueryTerm; hit: TermHit }[],
  { titleEnd, headings }: HeadingPlaces,
  share: (matched: QueryTerm[]) => number,
): number {
  const inTitle: QueryTerm[] = [];
  const inHeading = new Map<number, QueryTerm[]>();
  for (const { term, hit } of hits) {
    const places = new Set<number>();
    for (const location of hit.words ?? []) {
      if (location < titleEnd) places.add(-1);
      else {
        const heading = headingAt(headings, location);
        if (heading >= 0) places.add(heading);
      }
    }
    for (const place of places) {
      if (place === -1) inTitle.push(term);
      else inHeading.set(place, [...(inHeading.get(place) ?? []), term]);
    }
  }
  let best = inTitle.length > 0 ? share(inTitle) : 0;
  for (const terms of inHeading.values()) best = Math.max(best, share([...inTitle, ...terms]));
  return best;
}

/** The heading (in order of place) that holds `location`, or -1. */
function headingAt(headings: [start: number, end: number][], location: number): number {
  let low = 0;
  let high = headings.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((headings[middle] as [number, number])[0] <= location) low = middle + 1;
    else high = middle;
  }
  const heading = headings[low - 1];
  return heading && location < heading[1] ? low - 1 : -1;
}
