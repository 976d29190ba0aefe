import { Empty, Tag, Tree } from 'antd';
import { useMemo } from 'react';
import type { VideoChannel, VideoTree } from '../api/video';
import { buildVideoTree, type VideoTreeNode } from '../video-tree';

interface AntNode {
  key: string;
  title: React.ReactNode;
  children: AntNode[];
  selectable: boolean;
}

/** 设备目录 by area and organisation; clicking a camera's name plays it. */
export function DeviceTree({ tree, onPlay }: { tree: VideoTree; onPlay: (camera: VideoChannel) => void }) {
  const nodes = useMemo(() => buildVideoTree(tree), [tree]);
  const toAnt = (node: VideoTreeNode): AntNode => ({
    key: node.key,
    selectable: false,
    children: node.children.map(toAnt),
    title:
      node.kind === 'camera' && node.camera ? (
        <span>
          <button
            type="button"
            aria-label={`播放 ${node.name}`}
            disabled={!node.online}
            onClick={() => node.camera && onPlay(node.camera)}
            style={{
              all: 'unset',
              cursor: node.online ? 'pointer' : 'not-allowed',
              color: node.online ? '#1558b0' : '#999',
            }}
          >
            {node.name}
          </button>{' '}
          <Tag color={node.online ? 'green' : 'default'}>{node.online ? '在线' : '离线'}</Tag>
        </span>
      ) : (
        <span>
          {node.name}
          {node.kind === 'device' ? (
            <Tag style={{ marginInlineStart: 6 }} color={node.online ? 'green' : 'default'}>
              {node.online ? '在线' : '离线'}
            </Tag>
          ) : null}
        </span>
      ),
  });
  if (nodes.length === 0) return <Empty description="暂无接入的视频设备" />;
  return <Tree aria-label="设备目录" defaultExpandAll treeData={nodes.map(toAnt)} blockNode />;
}
