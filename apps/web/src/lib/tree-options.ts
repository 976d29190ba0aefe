import { buildTree, type TreeNode } from './tree';

/** An option node for antd TreeSelect. */
export interface TreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

interface AreaLike {
  id: number;
  parentId: number | null;
  level: string;
  name: string;
}

interface DepartmentLike {
  id: number;
  parentId: number | null;
  name: string;
  areaName: string;
}

/**
 * Area options for a TreeSelect. With `selectable`, only those levels (and the city root,
 * disabled, for context) are kept; without it every level can be picked.
 */
export function areaTreeOptions<T extends AreaLike>(areas: readonly T[], selectable?: readonly string[]): TreeOption[] {
  const allowed = selectable ? new Set(selectable) : null;
  const visit = (nodes: TreeNode<T>[]): TreeOption[] =>
    nodes
      .filter(({ item }) => !allowed || allowed.has(item.level) || item.level === 'city')
      .map(({ item, children }) => {
        const kids = visit(children);
        return {
          value: item.id,
          title: item.name,
          disabled: allowed ? !allowed.has(item.level) : false,
          ...(kids.length > 0 ? { children: kids } : {}),
        };
      });
  return visit(buildTree(areas));
}

export function departmentTreeOptions<T extends DepartmentLike>(departments: readonly T[]): TreeOption[] {
  const visit = (nodes: TreeNode<T>[]): TreeOption[] =>
    nodes.map(({ item, children }) => {
      const kids = visit(children);
      return {
        value: item.id,
        title: `${item.name}（${item.areaName}）`,
        ...(kids.length > 0 ? { children: kids } : {}),
      };
    });
  return visit(buildTree(departments));
}
