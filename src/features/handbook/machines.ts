/**
 * The handbook for machines: each page's clean Markdown copy, /llms.txt and /llms-full.txt
 * (llmstxt.org), and /opensearch.xml. An entry of its own, as the copies load the Markdown
 * parser, which most users of the handbook do not need. The server reads the copies back with
 * pageForMachines (server.ts).
 *
 * What the build and other parts of Knowhow may use of it. They import it from here, never from its files.
 */
export { makeMarkdownCopy } from './machines/copy-from-folder.ts';
export { LLMS_FULL_TXT_FILE, LLMS_TXT_FILE, llmsFullTxt, llmsTxt, pageGroups } from './machines/llms-txt.ts';
export type { HandbookOutline } from './machines/llms-txt.ts';
export { markdownCopy, markdownCopyPath, pageUrlOfCopy } from './machines/markdown-copy.ts';
export type { CopyContext } from './machines/markdown-copy.ts';
export { OPENSEARCH_FILE, OPENSEARCH_TYPE, openSearchXml } from './machines/opensearch.ts';
