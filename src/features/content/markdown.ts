/**
 * The content feature's Markdown renderer: a page rendered to HTML by the one remark/rehype
 * pipeline. An entry of its own, so that what only needs the content folder's rules (index.ts)
 * or reads pages (reader.ts) does not load unified and its plugins.
 *
 * What other parts of Knowhow may use of this feature's renderer. They import it from here, never
 * from its files.
 */
export { HEADING_LINK_LABEL } from './markdown/rehype-heading-links.ts';
export { OUTLINE_KEY } from './markdown/remark-outline.ts';
export { createPageRenderer } from './markdown/render-page.ts';
