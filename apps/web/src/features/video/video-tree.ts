import type { VideoChannel, VideoDevice, VideoTree } from './api/video';

/** A node of the device tree: area (区域) → device (设备) → organisation (组织/分组) → camera (摄像机). */
export interface VideoTreeNode {
  key: string;
  kind: 'area' | 'device' | 'group' | 'camera';
  name: string;
  online: boolean;
  camera: VideoChannel | null;
  /** The device of a device node (its details and settings). */
  device: VideoDevice | null;
  children: VideoTreeNode[];
}

/** Arranges the flat device and channel lists into the tree the page shows, areas and names in order. */
export function buildVideoTree(tree: Pick<VideoTree, 'devices' | 'channels'>): VideoTreeNode[] {
  const areas = new Map<string, VideoTreeNode>();
  for (const device of tree.devices) {
    const areaName = device.areaName ?? '未分配区域';
    let area = areas.get(areaName);
    if (!area) {
      area = {
        key: `area:${areaName}`,
        kind: 'area',
        name: areaName,
        online: true,
        camera: null,
        device: null,
        children: [],
      };
      areas.set(areaName, area);
    }
    const channels = tree.channels.filter((c) => c.deviceId === device.deviceId);
    const node = (c: VideoChannel): VideoTreeNode => ({
      key: `${c.role}:${c.deviceId}:${c.channelId}`,
      kind: c.role === 'camera' ? 'camera' : 'group',
      name: c.name,
      online: c.role === 'camera' ? c.online : device.online,
      camera: c.role === 'camera' ? c : null,
      device: null,
      children: channels.filter((child) => child.parentId === c.channelId && child.channelId !== c.channelId).map(node),
    });
    const known = new Set(channels.map((c) => c.channelId));
    const roots = channels.filter((c) => !c.parentId || !known.has(c.parentId));
    area.children.push({
      key: `device:${device.deviceId}`,
      kind: 'device',
      name: device.name ?? device.deviceId,
      online: device.online,
      camera: null,
      device,
      children: roots.map(node),
    });
  }
  const sorted = [...areas.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const area of sorted) area.children.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return sorted;
}

/** Cameras in tree order (the wall fills its panes with the first online ones). */
export function camerasOf(nodes: readonly VideoTreeNode[]): VideoChannel[] {
  return nodes.flatMap((n) => (n.camera ? [n.camera] : camerasOf(n.children)));
}
