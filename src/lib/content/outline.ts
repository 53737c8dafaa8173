/**
 * Reads what the site needs from a page's Markdown without rendering it: the first heading and
 * paragraph (for pages without front matter), the headings (for anchors and the table of
 * contents) and every link and image (for the checks). Parses with the same remark syntax
 * extensions the renderer uses, so both see the same document.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Image, Link, Nodes, Paragraph, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

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

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(body: string, { mdx = false } = {}): Root {
  return (mdx ? mdxParser : markdownParser).parse(body);
}

/** @param lineOffset the file line the body starts on, minus one. */
export function outlineOf(tree: Root, lineOffset = 0): Outline {
  const slugger = new GithubSlugger();
  const outline: Outline = { headings: [], links: [], images: [] };
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + lineOffset;

  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'heading':
        addHeading(node);
        break;
      case 'paragraph':
        if (outline.firstParagraph === undefined) addFirstParagraph(node);
        break;
      case 'link':
        addLink(node);
        break;
      case 'image':
        addImage(node);
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };

  let seenHeading = false;
  function addHeading(node: Heading) {
    const text = mdastToString(node).trim();
    // The page's first heading, when it is a level-1 heading, is the page title: the renderer
    // drops it from the body (remark-lead-heading.ts), so it gets no slug here either.
    const isLead = !seenHeading && node.depth === 1;
    seenHeading = true;
    if (isLead) {
      outline.leadHeading = { text, line: lineOf(node) };
      return;
    }
    outline.headings.push({ depth: node.depth, text, slug: slugger.slug(text), line: lineOf(node) });
  }

  function addFirstParagraph(node: Paragraph) {
    // A paragraph that is only an image or a badge says nothing a reader can use as a summary.
    const text = mdastToString(node).replace(/\s+/g, ' ').trim();
    if (text.length >= 20) outline.firstParagraph = text;
  }

  function addLink(node: Link) {
    outline.links.push({ url: node.url, line: lineOf(node), label: mdastToString(node) });
  }

  function addImage(node: Image) {
    outline.images.push({ url: node.url, line: lineOf(node), label: node.alt ?? '' });
  }

  for (const child of tree.children) visit(child);
  return outline;
}
