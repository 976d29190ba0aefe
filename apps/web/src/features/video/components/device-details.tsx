import { MEDIA_TRANSPORT_LABELS, MEDIA_TRANSPORTS, type MediaTransport } from '@citygov/domain/video/media-transport';
import { App, Button, Descriptions, Form, Select, Tag } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { useSetMediaTransport, type VideoDevice } from '../api/video';

/** The select's value for "no setting of its own" (the API's null). */
const FOLLOW_DEFAULT = 'default';
type Choice = MediaTransport | typeof FOLLOW_DEFAULT;

/** 取流方式 as read by someone who may not change it: the value in force, and whether it is the default. */
function transportText(device: VideoDevice): string {
  const label = MEDIA_TRANSPORT_LABELS[device.effectiveTransport];
  return device.mediaTransport === null ? `${label}（系统默认）` : label;
}

/** 设备详情: what the device is and how it signals; an administrator sets its 取流方式, others read it. */
export function DeviceDetails({
  device,
  defaultTransport,
  canManage,
  onSaved,
}: {
  device: VideoDevice;
  defaultTransport: MediaTransport;
  canManage: boolean;
  /** A new 取流方式 was saved: the server has stopped the device's streams, the page reopens its panes. */
  onSaved: (deviceId: string) => void;
}) {
  return (
    <>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'id', label: '设备编码', children: device.deviceId },
          { key: 'name', label: '名称', children: device.name ?? '—' },
          {
            key: 'model',
            label: '厂商 / 型号',
            children: [device.manufacturer, device.model].filter(Boolean).join(' ') || '—',
          },
          { key: 'signal', label: '信令传输', children: device.transport },
          {
            key: 'state',
            label: '状态',
            children: <Tag color={device.online ? 'green' : 'default'}>{device.online ? '在线' : '离线'}</Tag>,
          },
          ...(canManage ? [] : [{ key: 'media', label: '取流方式', children: transportText(device) }]),
        ]}
      />
      {canManage ? (
        // Keyed by device and value: another device, or a saved change, starts the form afresh.
        <MediaTransportForm
          key={`${device.deviceId}:${device.mediaTransport}`}
          device={device}
          defaultTransport={defaultTransport}
          onSaved={onSaved}
        />
      ) : null}
    </>
  );
}

function MediaTransportForm({
  device,
  defaultTransport,
  onSaved,
}: {
  device: VideoDevice;
  defaultTransport: MediaTransport;
  onSaved: (deviceId: string) => void;
}) {
  const { message } = App.useApp();
  const save = useSetMediaTransport();
  const options = [
    { value: FOLLOW_DEFAULT, label: `跟随系统默认（${MEDIA_TRANSPORT_LABELS[defaultTransport]}）` },
    ...MEDIA_TRANSPORTS.map((t) => ({ value: t, label: MEDIA_TRANSPORT_LABELS[t] })),
  ];
  return (
    <Form<{ choice: Choice }>
      layout="vertical"
      size="small"
      style={{ marginTop: 12 }}
      initialValues={{ choice: device.mediaTransport ?? FOLLOW_DEFAULT }}
      onFinish={({ choice }) =>
        save.mutate(
          { deviceId: device.deviceId, data: { mediaTransport: choice === FOLLOW_DEFAULT ? null : choice } },
          {
            onSuccess: () => {
              void message.success('已保存');
              onSaved(device.deviceId);
            },
            onError: (error) => void message.error(apiErrorMessage(error)),
          },
        )
      }
    >
      <Form.Item
        name="choice"
        label="取流方式"
        extra="保存后立即生效：正在播放的该设备画面会重新打开"
        style={{ marginBottom: 8 }}
      >
        <Select options={options} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        保存
      </Button>
    </Form>
  );
}
