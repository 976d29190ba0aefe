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

interface DeviceTreeProps {
  tree: VideoTree;
  onPlay: (camera: VideoChannel) => void;
  selectedDeviceId: string | null;
  onSelectDevice: (deviceId: string) => void;
}

/** 设备目录 by area and organisation; clicking a camera's name plays it, a device's name shows its details. */
export function DeviceTree({ tree, onPlay, selectedDeviceId, onSelectDevice }: DeviceTreeProps) {
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
          {node.device ? (
            <button
              type="button"
              aria-label={`设备详情 ${node.name}`}
              aria-pressed={node.device.deviceId === selectedDeviceId}
              onClick={() => node.device && onSelectDevice(node.device.deviceId)}
              style={{
                all: 'unset',
                cursor: 'pointer',
                fontWeight: node.device.deviceId === selectedDeviceId ? 600 : 400,
              }}
            >
              {node.name}
            </button>
          ) : (
            node.name
          )}
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
