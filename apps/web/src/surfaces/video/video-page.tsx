import { FullscreenOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Result, Row, Segmented, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useVideoTree } from '../../features/video/api/video';
import { CameraSlot } from '../../features/video/components/camera-slot';
import { DeviceDetails } from '../../features/video/components/device-details';
import { DeviceTree } from '../../features/video/components/device-tree';
import { PtzPad } from '../../features/video/components/ptz-pad';
import { RecordSearch } from '../../features/video/components/record-search';
import { useCameraSlots } from '../../features/video/hooks/use-camera-slots';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

const SPLITS = [1, 4, 9, 16] as const;

/** 视频监控: the device tree, live view in 1/4/9/16 panes, PTZ and recordings of the selected pane's camera. */
export function VideoPage() {
  const tree = useVideoTree();
  const { can } = useSession();
  const [split, setSplit] = useState<(typeof SPLITS)[number]>(4);
  const panes = useCameraSlots(split);
  const current = panes.slots[panes.selected]?.camera ?? null;
  const ptzReason = !can('video.control')
    ? '没有云台控制权限'
    : !current
      ? '请先选择一个播放中的窗口'
      : current.ptzType === 3
        ? '固定枪机不支持云台控制'
        : null;
  const columns = Math.sqrt(split);
  // The device whose details show, in the URL so a link (or a reload) keeps it.
  const [params, setParams] = useSearchParams();
  const deviceId = params.get('device');
  const device = tree.data?.devices.find((d) => d.deviceId === deviceId) ?? null;

  return (
    <div>
      <PageHeader
        title="视频监控"
        extra={
          <Link to="/video/wall" target="_blank">
            <Button icon={<FullscreenOutlined />}>视频上墙</Button>
          </Link>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={6} xxl={5}>
          <Card title="设备目录" size="small" styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflow: 'auto' } }}>
            {tree.isPending ? (
              <Skeleton active />
            ) : tree.isError ? (
              <Result status="error" title="无法加载设备目录" subTitle={apiErrorMessage(tree.error)} />
            ) : (
              <DeviceTree
                tree={tree.data}
                selectedDeviceId={deviceId}
                onSelectDevice={(id) => setParams({ device: id }, { replace: true })}
                onPlay={(camera) =>
                  panes.open({
                    deviceId: camera.deviceId,
                    channelId: camera.channelId,
                    name: camera.name,
                    ptzType: camera.ptzType,
                  })
                }
              />
            )}
          </Card>
          {device && tree.data ? (
            <Card title="设备详情" size="small" style={{ marginTop: 16 }}>
              <DeviceDetails
                device={device}
                defaultTransport={tree.data.defaultTransport}
                canManage={can('video.manage')}
                onSaved={panes.reopenDevice}
              />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={12} xxl={14}>
          <Card
            size="small"
            title="实时预览"
            extra={
              <Segmented
                aria-label="分屏"
                value={split}
                onChange={(v) => setSplit(v as (typeof SPLITS)[number])}
                options={SPLITS.map((n) => ({ value: n, label: `${n}分屏` }))}
              />
            }
          >
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: `repeat(${columns}, 1fr)`,
                gridTemplateRows: `repeat(${columns}, 1fr)`,
                gap: 2,
                aspectRatio: '16 / 9',
                background: '#000',
              }}
            >
              {Array.from({ length: split }, (_, i) => (
                <CameraSlot
                  // biome-ignore lint/suspicious/noArrayIndexKey: a pane is its position in the grid.
                  key={i}
                  index={i}
                  slot={panes.slots[i] ?? null}
                  selected={panes.selected === i}
                  onSelect={() => panes.setSelected(i)}
                  onClose={() => panes.close(i)}
                  onReopen={() => panes.reopen(i)}
                />
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={6} xxl={5}>
          <Card size="small">
            <Tabs
              items={[
                { key: 'ptz', label: '云台', children: <PtzPad camera={current} reason={ptzReason} /> },
                {
                  key: 'records',
                  label: '录像回放',
                  children: can('video.control') ? (
                    <RecordSearch
                      camera={current}
                      onPlayback={(start, end) => current && panes.put(panes.selected, current, { start, end })}
                    />
                  ) : (
                    <Empty description="没有录像回放权限" />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
