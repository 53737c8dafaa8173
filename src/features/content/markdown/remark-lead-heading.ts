/**
 * Drops the page's first heading from the body when it is a level-1 heading: it is the page
 * title, which the layout shows (from front matter, or from this heading when there is none).
 * Without this, pages written as plain Markdown would show their title twice.
 */
import type { Root } from 'mdast';
import { leadHeadingOf } from '../outline.ts';

export default function remarkLeadHeading() {
  return (tree: Root) => {
    const lead = leadHeadingOf(tree);
    if (lead) tree.children.splice(tree.children.indexOf(lead), 1);
  };
}
