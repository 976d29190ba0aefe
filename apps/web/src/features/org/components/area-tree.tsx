import { Alert, App, Empty, Spin, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { buildTree, type TreeNode } from '../../../lib/tree';
import { type AreaChild, type AreaRow, useAreaChildrenLoader, useAreaTree } from '../api/org';
import { AREA_LEVEL_LABELS } from '../labels';

export interface SelectedArea {
  id: number;
  name: string;
  code: string;
  level: string;
}

function nodeTitle(name: string, level: string) {
  return (
    <span>
      {name}
      <span style={{ color: '#595959', fontSize: 12, marginInlineStart: 6 }}>{AREA_LEVEL_LABELS[level] ?? level}</span>
    </span>
  );
}

function toTreeData(nodes: TreeNode<AreaRow>[], grids: Record<number, AreaChild[]>): TreeDataNode[] {
  return nodes.map(({ item, children }) => {
    const base = { key: item.id, title: nodeTitle(item.name, item.level) };
    if (item.level === 'community') {
      const loaded = grids[item.id];
      // Grids come per community on expand; until then the node is expandable but empty.
      return {
        ...base,
        isLeaf: loaded ? loaded.length === 0 : false,
        children: loaded?.map((grid) => ({ key: grid.id, title: nodeTitle(grid.name, grid.level), isLeaf: true })),
      };
    }
    return { ...base, children: toTreeData(children, grids), isLeaf: children.length === 0 };
  });
}

/** The administrative tree (市 → 区 → 街道 → 社区), loading a community's grids when it is opened. */
export function AreaTree({ onSelect }: { onSelect: (area: SelectedArea | null) => void }) {
  const tree = useAreaTree();
  const loadChildren = useAreaChildrenLoader();
  const { message } = App.useApp();
  const [grids, setGrids] = useState<Record<number, AreaChild[]>>({});

  const roots = useMemo(() => buildTree(tree.data ?? []), [tree.data]);
  const treeData = useMemo(() => toTreeData(roots, grids), [roots, grids]);
  const byId = useMemo(() => {
    const map = new Map<number, SelectedArea>();
    for (const area of tree.data ?? []) map.set(area.id, area);
    for (const list of Object.values(grids)) for (const grid of list) map.set(grid.id, grid);
    return map;
  }, [tree.data, grids]);

  if (tree.isPending) return <Spin description="正在加载区域…" />;
  if (tree.isError) return <Alert type="error" showIcon title={apiErrorMessage(tree.error)} />;
  if (treeData.length === 0) return <Empty description="暂无区域数据" />;

  return (
    <Tree
      aria-label="区域树"
      treeData={treeData}
      defaultExpandedKeys={roots.map((root) => root.item.id)}
      height={600}
      showLine
      loadData={async (node) => {
        const id = Number(node.key);
        if (grids[id]) return;
        try {
          const children = await loadChildren(id);
          setGrids((current) => ({ ...current, [id]: children }));
        } catch (error) {
          message.error(apiErrorMessage(error, '加载网格失败'));
        }
      }}
      onSelect={(keys) => {
        const key = keys[0];
        onSelect(key === undefined ? null : (byId.get(Number(key)) ?? null));
      }}
    />
  );
}
