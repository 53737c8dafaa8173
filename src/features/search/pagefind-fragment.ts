/**
 * Pagefind 1.x keeps each page's text, metadata and headings in a fragment file: gzipped, a
 * signature, then JSON. Read by the browser's search for result details (features/search/browser) and by
 * the build for the result cards (build/result-cards.ts). Kept free of Node and DOM APIs.
 */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  /** The word the anchor comes before. */
  location: number;
}

export interface PagefindData {
  url: string;
  /** The page's indexed text; a location is the index of a word in it, split at whitespace. */
  content: string;
  meta: Record<string, string | undefined>;
  anchors: PagefindAnchor[];
}

const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** The fragment's data from its decompressed text; throws when the format is not the one known. */
export function parseFragment(text: string, id: string): PagefindData {
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`Unknown fragment format in ${id}`);
  const data = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as PagefindData;
  if (typeof data.content !== 'string' || !Array.isArray(data.anchors)) throw new Error(`Unknown fragment format in ${id}`);
  return data;
}
