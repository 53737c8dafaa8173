/**
 * Callouts from directive syntax, usable in .md and .mdx:
 *
 *   :::warning[Before you refund]
 *   Check the identity of the caller first.
 *   :::
 *
 * Kinds: note, tip, warning, and say (a "say to the customer" script an agent reads out), each
 * with its icon before the title (callout-icons.ts).
 * Any other directive is put back as the text the author typed, so a stray `:word` in prose
 * (a time, a ratio) is never swallowed.
 *
 * A callout without a title of its own is titled with its kind's word in the page's language.
 * A .md page's HTML is rendered once and cached for every language, with the English word,
 * which features/content/markdown/callout-titles.ts swaps when the page is shown. An .mdx page is a component rendered
 * with its page: there the callout becomes the <Callout> component, which asks the page.
 */
import type {} from 'mdast-util-to-hast';
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import { calloutIcon } from './callout-icons.ts';
import { CALLOUT_KINDS, type CalloutKind, isCalloutKind } from './callout-kinds.ts';
import { walk } from './walk.ts';

export default function remarkCallouts() {
  return (tree: Root, file?: { path?: string }) => {
    const mdx = file?.path?.endsWith('.mdx') ?? false;
    // The walk visits what replaced a directive, so directives inside a callout are handled too.
    walk<Nodes>(tree, (node, index, parent) => {
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
      if (node.type === 'containerDirective' && isCalloutKind(node.name)) {
        parent.children.splice(index, 1, callout(node, mdx));
      } else {
        parent.children.splice(index, 1, ...(restore(node) as Nodes[]));
      }
    });
  };
}

function callout(directive: ContainerDirective, mdx: boolean): RootContent {
  const kind = directive.name as CalloutKind;
  // The [label] of a container directive arrives as a first paragraph marked directiveLabel.
  const [first, ...rest] = directive.children;
  const hasLabel = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
  if (mdx && !hasLabel) return calloutComponent(kind, directive.children);
  const title = hasLabel ? mdastToString(first) : CALLOUT_KINDS[kind];
  const body = hasLabel ? rest : directive.children;
  return {
    type: 'blockquote',
    data: {
      hName: 'aside',
      hProperties: { className: ['callout', `callout-${kind}`], 'aria-label': title, ...(kind === 'say' ? { 'data-say': '' } : {}) },
    },
    children: [
      {
        type: 'paragraph',
        // The icon exists only in the HTML: the tree's readers (the outline, the page's text) see the title alone.
        data: { hName: 'p', hProperties: { className: ['callout-title'] }, hChildren: [calloutIcon(kind), { type: 'text', value: title }] },
        children: [{ type: 'text', value: title }],
      } satisfies Paragraph,
      ...(body as Paragraph[]),
    ],
  };
}

/** `<Callout type="note">`: the MDX component (features/content/components/mdx/Callout.astro), titled in the page's language when shown. */
function calloutComponent(kind: CalloutKind, children: ContainerDirective['children']): RootContent {
  // The node MDX makes of `<Callout type="...">` written in the file (mdast-util-mdx-jsx).
  const element = {
    type: 'mdxJsxFlowElement',
    name: 'Callout',
    attributes: [{ type: 'mdxJsxAttribute', name: 'type', value: kind }],
    children,
  };
  return element as unknown as RootContent;
}

/** The directive as the author typed it: `:name[label]{attributes}` text, `::name` line, or a `:::name` block's content. */
function restore(directive: ContainerDirective | LeafDirective | TextDirective): RootContent[] {
  const marker = directive.type === 'textDirective' ? ':' : directive.type === 'leafDirective' ? '::' : ':::';
  const attributes = attributesText(directive.attributes);
  if (directive.type === 'containerDirective') {
    const opening = `${marker}${directive.name}${attributes}`;
    return [{ type: 'paragraph', children: [{ type: 'text', value: opening }] }, ...(directive.children as RootContent[])];
  }
  const text = (value: string): PhrasingContent => ({ type: 'text', value });
  const label = directive.children.length > 0 ? [text('['), ...directive.children, text(']')] : [];
  const phrasing: PhrasingContent[] = [text(`${marker}${directive.name}`), ...label, ...(attributes ? [text(attributes)] : [])];
  return directive.type === 'leafDirective' ? [{ type: 'paragraph', children: phrasing }] : (phrasing as RootContent[]);
}

/** `{title="..." #id .class key}` as the author wrote it, or '' when there were none. */
function attributesText(attributes: ContainerDirective['attributes']): string {
  const entries = Object.entries(attributes ?? {});
  if (entries.length === 0) return '';
  const parts = entries.map(([key, value]) => {
    if (key === 'id') return `#${value}`;
    if (key === 'class')
      return String(value)
        .split(/\s+/)
        .map((name) => `.${name}`)
        .join(' ');
    return value ? `${key}="${value}"` : key;
  });
  return `{${parts.join(' ')}}`;
}
