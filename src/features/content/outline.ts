/**
 * Reads what the site needs from a page's Markdown without rendering it: the first heading and
 * paragraph (for pages without front matter), the headings (for anchors and the table of
 * contents) and every link and image (for the checks). Parses .md with the renderer's parser
 * (markdown-tree.ts) and .mdx with the remark syntax extensions Astro's MDX uses, so the checks
 * and the pages see the same document.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Paragraph, Root } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { markdownTree } from './markdown-tree.ts';

export interface OutlineHeading {
  depth: number;
  text: string;
  slug: string;
  line: number;
}

export interface OutlineReference {
  url: string;
  line: number;
  /** The link text or image alt, for messages. */
  label: string;
}

export interface Outline {
  /** The page's first heading, when it is a level-1 heading: the title of a page without front matter. */
  leadHeading?: { text: string; line: number };
  /** The text of the first paragraph, for a summary. */
  firstParagraph?: string;
  headings: OutlineHeading[];
  links: OutlineReference[];
  images: OutlineReference[];
}

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(body: string, { mdx = false } = {}): Root {
  return mdx ? mdxParser.parse(body) : markdownTree(body);
}

/**
 * The page's title heading: its first top-level heading, when that is a level-1 heading. The
 * renderer drops it from the body (remark-lead-heading.ts) and the layout shows it instead.
 */
export function leadHeadingOf(tree: Root): Heading | undefined {
  const first = tree.children.find((node) => node.type === 'heading');
  return first?.type === 'heading' && first.depth === 1 ? first : undefined;
}

/** Text as readers see it: no raw HTML tags, no image alt text. */
function plainText(node: Nodes): string {
  return mdastToString(node, { includeHtml: false, includeImageAlt: false });
}

/** @param lineOffset the file line the body starts on, minus one. */
export function outlineOf(tree: Root, lineOffset = 0): Outline {
  const slugger = new GithubSlugger();
  const outline: Outline = { headings: [], links: [], images: [] };
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + lineOffset;
  const lead = leadHeadingOf(tree);
  // Most pages have no reference-style links: look definitions up only when one appears.
  let definition: ReturnType<typeof definitions> | undefined;
  if (lead) outline.leadHeading = { text: plainText(lead).trim(), line: lineOf(lead) };

  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'heading':
        if (node !== lead) addHeading(node);
        break;
      case 'link':
      case 'image':
        addReference(node.type, node.url, node);
        break;
      case 'linkReference':
      case 'imageReference': {
        definition ??= definitions(tree);
        const url = definition(node.identifier)?.url;
        if (url !== undefined) addReference(node.type === 'linkReference' ? 'link' : 'image', url, node);
        break;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };

  function addHeading(node: Heading) {
    // The slug is made from the text exactly as the renderer makes the id (untrimmed), so
    // anchors the check accepts are anchors that work.
    const raw = plainText(node);
    outline.headings.push({ depth: node.depth, text: raw.trim(), slug: slugger.slug(raw), line: lineOf(node) });
  }

  function addReference(kind: 'link' | 'image', url: string, node: Nodes) {
    const label = kind === 'image' ? ((node as { alt?: string | null }).alt ?? '') : plainText(node);
    outline[kind === 'link' ? 'links' : 'images'].push({ url, line: lineOf(node), label });
  }

  // The summary is the first paragraph of the page itself, not one inside a callout or list.
  const firstParagraph = tree.children.find((node): node is Paragraph => node.type === 'paragraph' && plainText(node).trim().length >= 20);
  if (firstParagraph) outline.firstParagraph = plainText(firstParagraph).replace(/\s+/g, ' ').trim();

  for (const child of tree.children) visit(child);
  return outline;
}
