import {
  ArrowDownOutlined,
  ArrowLeftOutlined,
  ArrowRightOutlined,
  ArrowUpOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import type { PtzDirection } from '@citygov/domain/video/ptz-command';
import { PTZ_DIRECTION_NAMES } from '@citygov/domain/video/ptz-command';
import { App, Button, InputNumber, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { usePtz } from '../api/video';

const GRID: (PtzDirection | null)[] = [
  'upLeft',
  'up',
  'upRight',
  'left',
  null,
  'right',
  'downLeft',
  'down',
  'downRight',
];
const ICONS: Partial<Record<PtzDirection, React.ReactNode>> = {
  up: <ArrowUpOutlined />,
  down: <ArrowDownOutlined />,
  left: <ArrowLeftOutlined />,
  right: <ArrowRightOutlined />,
};

/**
 * 云台: hold a direction or zoom button to move, let go to stop; presets by number.
 * `reason` disables it with the reason shown (no camera chosen, a fixed camera, no right).
 */
export function PtzPad({
  camera,
  reason,
}: {
  camera: { deviceId: string; channelId: string; name: string } | null;
  reason: string | null;
}) {
  const ptz = usePtz();
  const { message } = App.useApp();
  const [preset, setPreset] = useState<number | null>(1);
  const send = (action: Parameters<typeof ptz.mutate>[0]['action']) => {
    if (!camera) return;
    ptz.mutate(
      { deviceId: camera.deviceId, channelId: camera.channelId, action },
      { onError: (error) => message.error(apiErrorMessage(error)) },
    );
  };
  const disabled = reason !== null || camera === null;
  const hold = (action: Parameters<typeof send>[0], label: string, icon: React.ReactNode) => (
    <Tooltip title={reason ?? undefined}>
      <Button
        aria-label={label}
        icon={icon}
        disabled={disabled}
        onPointerDown={() => send(action)}
        onPointerUp={() => send({ kind: 'stop' })}
        onPointerLeave={(e) => {
          if (e.buttons) send({ kind: 'stop' });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') send(action);
        }}
        onKeyUp={(e) => {
          if (e.key === 'Enter' || e.key === ' ') send({ kind: 'stop' });
        }}
      />
    </Tooltip>
  );
  return (
    <section aria-label="云台控制">
      <div style={{ marginBottom: 8, color: '#666' }}>
        {camera ? `云台：${camera.name}` : '云台：请先选择一个播放中的窗口'}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 40px)', gap: 4, marginBottom: 8 }}>
        {GRID.map((direction) =>
          direction ? (
            <span key={direction}>
              {hold(
                { kind: 'move', direction, speed: 128 },
                `云台${PTZ_DIRECTION_NAMES[direction]}`,
                ICONS[direction] ?? PTZ_DIRECTION_NAMES[direction],
              )}
            </span>
          ) : (
            <span key="centre" />
          ),
        )}
      </div>
      <Space wrap>
        {hold({ kind: 'move', zoom: 'in', speed: 128 }, '变倍放大', <ZoomInOutlined />)}
        {hold({ kind: 'move', zoom: 'out', speed: 128 }, '变倍缩小', <ZoomOutOutlined />)}
      </Space>
      <Space.Compact style={{ marginTop: 8 }}>
        <InputNumber
          aria-label="预置位号"
          min={1}
          max={255}
          value={preset}
          onChange={(v) => setPreset(v)}
          disabled={disabled}
        />
        <Button disabled={disabled || !preset} onClick={() => preset && send({ kind: 'preset', op: 'call', preset })}>
          调用预置位
        </Button>
        <Button disabled={disabled || !preset} onClick={() => preset && send({ kind: 'preset', op: 'set', preset })}>
          设置
        </Button>
      </Space.Compact>
    </section>
  );
}
