import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { type SensorReadingsData, sensorReadingsOption } from '../charts/sensor-readings-option';

echarts.use([
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** A sensor's history chart (历史曲线). Small on purpose: the shared <EChart> will replace the mounting part. */
export function SensorChartView({ data, height = 260 }: { data: SensorReadingsData; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(sensorReadingsOption(data), true);
  }, [data]);
  return <div ref={element} role="img" aria-label={`${data.name}历史曲线`} style={{ width: '100%', height }} />;
}
