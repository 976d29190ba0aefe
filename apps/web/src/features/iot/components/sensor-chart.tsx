import { useMemo } from 'react';
import { EChart } from '../../../lib/charts/echart';
import { type SensorReadingsData, sensorReadingsOption } from '../charts/sensor-readings-option';

/** A sensor's history chart (历史曲线) on the shared chart component. */
export function SensorChart({ data, height = 260 }: { data: SensorReadingsData; height?: number }) {
  const option = useMemo(() => sensorReadingsOption(data), [data]);
  return <EChart option={option} label={`${data.name}历史曲线`} height={height} />;
}
