import { lazy, Suspense } from 'react';
import type { SensorReadingsData } from '../charts/sensor-readings-option';

// echarts loads only when a chart is on screen (the case detail shows one for sensor cases only).
const SensorChartView = lazy(async () => ({ default: (await import('./sensor-chart-view')).SensorChartView }));

/** A sensor's history chart (历史曲线), loaded on first use. */
export function SensorChart(props: { data: SensorReadingsData; height?: number }) {
  return (
    <Suspense fallback={<div aria-busy="true" style={{ height: props.height ?? 260 }} />}>
      <SensorChartView {...props} />
    </Suspense>
  );
}
