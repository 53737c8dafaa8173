/**
 * Reading one page of the content folder: its front matter checked and its outline (headings,
 * links, images) from the native Markdown parser. An entry of its own, as it loads the parser,
 * which the server does not need.
 *
 * What other parts of Knowhow may use of the reader. They import it from here, never from its files.
 */
export { loadPage } from './page.ts';
export type { PageContext } from './page.ts';
export { parseMarkdown } from './outline.ts';
