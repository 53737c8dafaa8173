/**
 * Drops the page's first heading from the body when it is a level-1 heading: it is the page
 * title, which the layout shows (from front matter, or from this heading when there is none).
 * Without this, pages written as plain Markdown would show their title twice.
 */
import type { Root } from 'mdast';

export default function remarkLeadHeading() {
  return (tree: Root) => {
    const index = tree.children.findIndex((node) => node.type === 'heading');
    const heading = tree.children[index];
    if (heading?.type === 'heading' && heading.depth === 1) tree.children.splice(index, 1);
  };
}
