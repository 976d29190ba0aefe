import { SENSOR_TYPES } from '@citygov/domain/iot/sensor-types';
import { App, Button, Card, Col, Empty, Form, InputNumber, Modal, Result, Row, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type IotDevice, useIotDevices, useIotReadings, useUpdateIotDevice } from '../../features/iot/api/iot';
import { SensorChart } from '../../features/iot/components/sensor-chart';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

function ThresholdDialog({ device, onClose }: { device: IotDevice; onClose: () => void }) {
  const update = useUpdateIotDevice();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ alarmAbove: number; clearBelow: number }>();
  const unit = SENSOR_TYPES[device.type].unit;
  return (
    <Modal
      open
      title={`阈值设置：${device.name}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      onCancel={onClose}
      onOk={() =>
        void form.validateFields().then((thresholds) =>
          update.mutate(
            { id: device.id, data: { thresholds } },
            {
              onSuccess: () => {
                message.success('阈值已保存');
                onClose();
              },
              onError: (error) => message.error(apiErrorMessage(error)),
            },
          ),
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={device.thresholds}>
        <Form.Item
          name="alarmAbove"
          label={`告警值（${unit}，达到即告警）`}
          rules={[{ required: true, message: '请填写告警值' }]}
        >
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="clearBelow"
          label={`解除值（${unit}，低于即解除）`}
          dependencies={['alarmAbove']}
          rules={[
            { required: true, message: '请填写解除值' },
            ({ getFieldValue }) => ({
              validator: (_, value: number) =>
                value <= getFieldValue('alarmAbove')
                  ? Promise.resolve()
                  : Promise.reject(new Error('解除值不能高于告警值')),
            }),
          ]}
        >
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 物联感知: the sensor registry with live values, thresholds and each device's history chart. */
export function IotPage() {
  const devices = useIotDevices();
  const { can } = useSession();
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<IotDevice | null>(null);
  const history = useIotReadings(selected);
  if (devices.isError) return <Result status="error" title="无法加载设备" subTitle={apiErrorMessage(devices.error)} />;
  const chosen = history.data?.device;
  return (
    <div>
      <PageHeader
        title="物联感知"
        description="积水点水位、井盖倾角、垃圾桶满溢度等传感器的实时数据；超过阈值自动生成案件。"
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title="设备列表">
            <Table<IotDevice>
              rowKey="id"
              size="small"
              loading={devices.isPending}
              dataSource={devices.data ?? []}
              pagination={false}
              onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
              rowClassName={(row) => (row.id === selected ? 'ant-table-row-selected' : '')}
              columns={[
                {
                  title: '设备',
                  dataIndex: 'name',
                  render: (name: string, row) => (
                    <Button type="link" style={{ padding: 0 }} onClick={() => setSelected(row.id)}>
                      {name}
                    </Button>
                  ),
                },
                { title: '类型', dataIndex: 'type', render: (t: IotDevice['type']) => SENSOR_TYPES[t].name },
                {
                  title: '实时值',
                  dataIndex: 'lastValue',
                  render: (v: number | null, row) => (v === null ? '—' : `${v}${SENSOR_TYPES[row.type].unit}`),
                },
                {
                  title: '阈值',
                  render: (_, row) => `≥ ${row.thresholds.alarmAbove}${SENSOR_TYPES[row.type].unit}`,
                },
                {
                  title: '状态',
                  render: (_, row) => (
                    <>
                      <Tag color={row.online ? 'green' : 'default'}>{row.online ? '在线' : '离线'}</Tag>
                      {row.state === 'alarm' ? <Tag color="red">告警</Tag> : null}
                    </>
                  ),
                },
                {
                  title: '最后上报',
                  dataIndex: 'lastReadingAt',
                  render: (at: Date | null) => (at ? dayjs(at).format('MM-DD HH:mm:ss') : '—'),
                },
                ...(can('iot.manage')
                  ? [
                      {
                        title: '操作',
                        render: (_: unknown, row: IotDevice) => (
                          <Button
                            size="small"
                            onClick={(e) => {
                              e.stopPropagation();
                              setEditing(row);
                            }}
                          >
                            阈值设置
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={chosen ? `历史曲线：${chosen.name}（近24小时）` : '历史曲线'}>
            {chosen && history.data ? (
              <SensorChart
                data={{
                  name: SENSOR_TYPES[chosen.type].name,
                  unit: SENSOR_TYPES[chosen.type].unit,
                  readings: history.data.readings,
                  alarmAbove: chosen.thresholds.alarmAbove,
                }}
              />
            ) : (
              <Empty description="点击左侧设备查看历史曲线" />
            )}
          </Card>
        </Col>
      </Row>
      {editing ? <ThresholdDialog device={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
