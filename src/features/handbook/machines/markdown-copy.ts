/**
 * A page's clean Markdown copy, for machines (llmstxt.org): what an assistant, a crawler or the
 * MCP `get_page` tool reads instead of the HTML. The build writes it beside each page
 * (/policies/refunds/index.html.md, markdownCopyPath) and the server reads it back
 * (server/page-for-machines.ts).
 *
 * Clean means: no front matter; the title as a level-1 heading, then the page's summary and a
 * short block of what the page's trust line says (owner, last reviewed, review due, type,
 * language, translations); callouts as block quotes with their title; MDX components as their
 * content (imports, exports and expressions dropped); links to other pages as their absolute
 * HTML addresses, images and linked files as absolute addresses on the handbook's public address.
 *
 * The body is the author's own Markdown, changed only where it has to be: the source is parsed
 * for positions and only the parts that change are rewritten, so tables, lists and emphasis
 * stay exactly as written.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { t } from '../../../kit/i18n/index.ts';
import { absoluteUrl, type ContentIndex, isCalloutKind, type PageRecord, resolveLink, splitFrontMatter } from '../../content/index.ts';
import { parseMarkdown } from '../../content/reader.ts';

/** Where a page's Markdown copy is: its address with `index.html.md` appended (llmstxt.org's rule for addresses without a file name). */
export function markdownCopyPath(pageUrl: string): string {
  return `${pageUrl.endsWith('/') ? pageUrl : `${pageUrl}/`}index.html.md`;
}

/** The page address a Markdown copy's address stands for: /policies/refunds/index.html.md -> /policies/refunds/. */
export function pageUrlOfCopy(copyPath: string): string | undefined {
  return copyPath.endsWith('/index.html.md') ? copyPath.slice(0, -'index.html.md'.length) : undefined;
}

export interface CopyContext {
  /** The handbook's public address (an origin): publicUrlOf(settings). */
  publicUrl: string;
  /** The content folder's files, to resolve links as the site does. */
  index: ContentIndex;
}

/** The Markdown copy of `page`, whose file holds `source`. */
export function markdownCopy(page: PageRecord, source: string, context: CopyContext): string {
  const { body } = splitFrontMatter(source);
  const mdx = page.file.toLowerCase().endsWith('.mdx');
  const tree = parseMarkdown(body, { mdx });
  const text = new CopyWriter(body, page, context, mdx).root(tree);
  return `${metadataBlock(page, context.publicUrl)}${text.trim() ? `\n${text.trim()}\n` : ''}`;
}

/** The heading, the summary and the trust line's facts. */
function metadataBlock(page: PageRecord, publicUrl: string): string {
  const lines = [`# ${page.title}`, ''];
  if (page.summary) lines.push(`> ${page.summary.replace(/\s*\n\s*/g, ' ')}`, '');
  const facts: [string, string | undefined][] = [
    ['Address', absoluteUrl(publicUrl, page.url)],
    ['Type', page.type],
    ['Owner', page.owner],
    ['Last reviewed', page.reviewed],
    ['Review due', page.reviewDue],
    ['Language', page.lang],
  ];
  for (const [name, value] of facts) if (value) lines.push(`- ${name}: ${value}`);
  if (page.translations.length > 0) {
    const others = page.translations.map((other) => `[${other.lang}](${absoluteUrl(publicUrl, markdownCopyPath(other.url))})`);
    lines.push(`- Translations: ${others.join(', ')}`);
  }
  if (page.translationOf && page.translationStale) lines.push('- Note: the original has changed since this translation was made');
  return `${lines.join('\n')}\n`;
}

/** A callout's title when it has none of its own: its kind's word in the page's language. */
function calloutWord(kind: string, lang: string): string | undefined {
  return isCalloutKind(kind) ? t(lang, `callout.${kind}`) : undefined;
}

interface MdxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** Writes a tree back as its source, with the parts that change for machines rewritten. */
class CopyWriter {
  private lead: Nodes | undefined;
  private readonly source: string;
  private readonly page: PageRecord;
  private readonly context: CopyContext;
  private readonly mdx: boolean;

  constructor(source: string, page: PageRecord, context: CopyContext, mdx: boolean) {
    this.source = source;
    this.page = page;
    this.context = context;
    this.mdx = mdx;
  }

  root(tree: Root): string {
    // The page's own level-1 heading is its title, written above already.
    const first = tree.children.find((node) => node.type === 'heading');
    this.lead = first?.type === 'heading' && first.depth === 1 ? first : undefined;
    return this.children(tree, 0, this.source.length);
  }

  /** The source from `start` to `end`, with `parent`'s children written by `node`. */
  private children(parent: Parent, start: number, end: number): string {
    let out = '';
    let cursor = start;
    for (const child of parent.children as Nodes[]) {
      const from = child.position?.start.offset;
      const to = child.position?.end.offset;
      if (from === undefined || to === undefined || from < cursor) continue;
      out += this.source.slice(cursor, from) + this.node(child);
      cursor = to;
    }
    return out + this.source.slice(cursor, Math.max(cursor, end));
  }

  private slice(node: Nodes): string {
    return this.source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  }

  private inner(node: Nodes): string {
    return 'children' in node && node.children.length > 0
      ? this.children(node as Parent, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)
      : this.slice(node);
  }

  /** The text of a node's children alone, without the node's own syntax around them. */
  private content(node: Parent): string {
    const first = node.children[0]?.position?.start.offset;
    const last = node.children.at(-1)?.position?.end.offset;
    if (first === undefined || last === undefined) return '';
    return this.children(node, first, last);
  }

  private node(node: Nodes): string {
    if (node === this.lead) return '';
    switch (node.type) {
      case 'link': {
        const url = this.address(node.url);
        if (url === node.url) return this.inner(node);
        if (url === undefined) return this.content(node);
        return `[${this.content(node)}](${destination(url)}${title(node.title)})`;
      }
      case 'image': {
        const url = this.address(node.url);
        if (url === undefined) return node.alt ? `*[Image not found: ${node.alt}]*` : '';
        return url === node.url ? this.slice(node) : `![${node.alt ?? ''}](${destination(url)}${title(node.title)})`;
      }
      case 'definition': {
        const url = this.address(node.url);
        return url === node.url || url === undefined
          ? this.slice(node)
          : `[${node.label ?? node.identifier}]: ${destination(url)}${title(node.title)}`;
      }
      case 'containerDirective': {
        const word = calloutWord(node.name, this.page.lang);
        if (word === undefined) return this.inner(node);
        const [first, ...rest] = node.children;
        const labelled = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
        const heading = labelled ? this.content(first) : word;
        const body = labelled ? rest : node.children;
        return quote(heading, body.length > 0 ? this.children({ type: 'root', children: body } as Root, startOf(body), endOf(body)) : '');
      }
      default:
        break;
    }
    if (this.mdx) {
      const type = node.type as string;
      if (type === 'mdxjsEsm' || type === 'mdxFlowExpression' || type === 'mdxTextExpression') return '';
      if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement')
        return this.component(node as unknown as Parent & { name: string | null; attributes: MdxAttribute[] });
    }
    return 'children' in node ? this.inner(node) : this.slice(node);
  }

  /** An MDX component: its content; a <Callout> as a block quote with its title. */
  private component(element: Parent & { name: string | null; attributes: MdxAttribute[] }): string {
    const content = element.children.length > 0 ? this.content(element) : '';
    if (element.name !== 'Callout') return content.trim();
    const attribute = (name: string) => {
      const value = element.attributes.find((entry) => entry.type === 'mdxJsxAttribute' && entry.name === name)?.value;
      return typeof value === 'string' ? value : undefined;
    };
    const word = calloutWord(attribute('type') ?? 'note', this.page.lang) ?? calloutWord('note', this.page.lang);
    return quote(attribute('title') ?? word ?? '', content.trim());
  }

  /**
   * The address a link or image points to for a machine: another page's absolute HTML address,
   * a linked file's absolute address, the page's own address for an anchor on it; external
   * addresses as they are; undefined for a missing file.
   */
  private address(href: string): string | undefined {
    const { publicUrl, index } = this.context;
    const target = resolveLink(this.page.file, href, index);
    switch (target.kind) {
      case 'external':
        return href;
      case 'same-page':
        return target.anchor ? `${absoluteUrl(publicUrl, this.page.url)}#${encodeURIComponent(target.anchor)}` : href;
      case 'page':
        return absoluteUrl(publicUrl, target.anchor ? `${target.url}#${encodeURIComponent(target.anchor)}` : target.url);
      case 'asset':
        return absoluteUrl(publicUrl, target.url);
      default:
        return undefined;
    }
  }
}

function startOf(nodes: Nodes[]): number {
  return nodes[0]?.position?.start.offset ?? 0;
}

function endOf(nodes: Nodes[]): number {
  return nodes.at(-1)?.position?.end.offset ?? 0;
}

/** A callout as a block quote: its title in bold, then its text. */
function quote(heading: string, body: string): string {
  const lines = [`**${heading.trim()}**`, ...(body.trim() ? ['', ...body.trim().split('\n')] : [])];
  return lines.map((line) => (line ? `> ${line}` : '>')).join('\n');
}

function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/>/g, '%3E')}>` : url;
}

function title(value: string | null | undefined): string {
  return value ? ` "${value.replace(/"/g, '\\"')}"` : '';
}
