/**
 * Makes a unified processor parse Markdown with the native parser (features/content/markdown-tree.ts)
 * instead of micromark. Parsing was two thirds of the time it took to render a page. Use it in
 * place of remark-parse (or after it: a parser set by a later plugin replaces the earlier one).
 */
import type { Processor } from 'unified';
import { markdownTree } from '../markdown-tree.ts';

export default function remarkNativeParse(this: Processor) {
  this.parser = (document: string) => markdownTree(document);
}
