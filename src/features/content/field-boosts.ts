/**
 * How much a word counts in each part of a page, against 1 in body text: the server's search
 * gives these boosts to its lunr fields (search-index.ts), and the pages give the same weights
 * to the in-page search (`data-pagefind-weight` in features/site/layouts/ArticleLayout.astro and on headings
 * in features/content/markdown/rehype-heading-links.ts), so that both paths rank alike.
 *
 * Measured with npm run bench:search: heavier title and name boosts let a page that only names
 * a word in its title beat the page that explains it.
 */
export const FIELD_BOOSTS = { title: 6, aliases: 8, name: 6, summary: 3, headings: 3, body: 1 } as const;
