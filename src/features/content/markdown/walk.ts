/**
 * Visits every node below `tree`, parents before children. Our plugins run on every page of a
 * build, and unist-util-visit allocates a closure per node, which made the plugins' walks a
 * tenth of the render time on a large handbook; this loop allocates nothing.
 *
 * The callback may replace the node in `parent.children` (with one node or several): the walk
 * then visits what now stands at that index, so content moved into a replacement is visited too.
 */
interface Parent<Child> {
  children: Child[];
}

export function walk<Child extends object>(
  tree: Parent<Child>,
  callback: (node: Child, index: number, parent: Parent<Child>) => void,
): void {
  const { children } = tree;
  let index = 0;
  while (index < children.length) {
    const node = children[index] as Child;
    callback(node, index, tree);
    if (children[index] !== node) continue;
    if ('children' in node) walk(node as Parent<Child>, callback);
    index++;
  }
}
