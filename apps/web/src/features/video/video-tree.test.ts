import { describe, expect, it } from 'vitest';
import type { VideoTree } from './api/video';
import { buildVideoTree, camerasOf } from './video-tree';

const channel = (over: Partial<VideoTree['channels'][number]>): VideoTree['channels'][number] => ({
  deviceId: 'D1',
  channelId: 'C1',
  role: 'camera',
  name: '摄像机',
  parentId: null,
  ptzType: 1,
  online: true,
  lng: 120,
  lat: 30,
  ...over,
});
const device = (over: Partial<VideoTree['devices'][number]>): VideoTree['devices'][number] => ({
  deviceId: 'D1',
  name: 'NVR',
  manufacturer: null,
  model: null,
  transport: 'UDP',
  mediaTransport: null,
  effectiveTransport: 'UDP',
  online: true,
  lastKeepaliveAt: null,
  channelCount: 1,
  areaId: 1,
  areaName: '临江区',
  ...over,
});

describe('video device tree', () => {
  it('nests cameras under their group, devices under their area', () => {
    const nodes = buildVideoTree({
      devices: [device({}), device({ deviceId: 'D2', name: null, areaName: null, online: false })],
      channels: [
        channel({ channelId: 'G1', role: 'group', name: '城管分组' }),
        channel({ channelId: 'C1', parentId: 'G1', name: '路口东' }),
        channel({ channelId: 'C2', parentId: 'NOT-LISTED', name: '路口西' }),
        channel({ deviceId: 'D2', channelId: 'C3', name: '广场', online: false }),
      ],
    });
    expect(nodes.map((n) => n.name)).toEqual(['临江区', '未分配区域']);
    const nvr = nodes[0]?.children[0];
    expect(nvr?.children.map((n) => [n.kind, n.name])).toEqual([
      ['group', '城管分组'],
      ['camera', '路口西'],
    ]);
    expect(nvr?.children[0]?.children.map((n) => n.name)).toEqual(['路口东']);
    expect(nodes[1]?.children[0]).toMatchObject({ name: 'D2', online: false });
    expect(camerasOf(nodes).map((c) => c.channelId)).toEqual(['C1', 'C2', 'C3']);
  });
});
