/** Builds a nested tree from a flat list ordered so that parents may come before or after children. */
export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

export function buildTree<T extends { id: number; parentId: number | null }>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>();
  for (const item of items) nodes.set(item.id, { item, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId === null ? undefined : nodes.get(node.item.parentId);
    // A node whose parent lies outside the caller's scope becomes a root of the visible tree.
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
