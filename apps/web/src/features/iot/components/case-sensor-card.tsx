import { SENSOR_TYPES } from '@citygov/domain/iot/sensor-types';
import { Card, Descriptions, Tag } from 'antd';
import { useCaseSensor } from '../api/iot';
import { SensorChart } from './sensor-chart';

/** 传感器数据 on a case the IoT hub raised: which sensor, its thresholds and the readings around the alarm. */
export function CaseSensorCard({ caseId, source }: { caseId: number; source: string }) {
  const sensor = useCaseSensor(caseId, source === 'iot');
  if (source !== 'iot' || !sensor.data) return null;
  const { device, readings, alarms } = sensor.data;
  const type = SENSOR_TYPES[device.type];
  return (
    <Card title="传感器数据" size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="设备">
          {device.name}（{device.code}）
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={device.state === 'alarm' ? 'red' : 'green'}>{device.state === 'alarm' ? '告警中' : '正常'}</Tag>
          <Tag color={device.online ? 'green' : 'default'}>{device.online ? '在线' : '离线'}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="当前值">
          {device.lastValue ?? '—'}
          {type.unit}
        </Descriptions.Item>
        <Descriptions.Item label="阈值">
          ≥ {device.thresholds.alarmAbove}
          {type.unit} 告警，&lt; {device.thresholds.clearBelow}
          {type.unit} 解除
        </Descriptions.Item>
      </Descriptions>
      <SensorChart
        data={{ name: type.name, unit: type.unit, readings, alarmAbove: device.thresholds.alarmAbove, alarms }}
        height={220}
      />
    </Card>
  );
}
