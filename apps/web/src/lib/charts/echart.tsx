import type { EChartsOption } from 'echarts';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Registered once for every chart of the app (tree-shaken echarts: only these parts are bundled).
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface EChartProps {
  /** Built by a pure `toOption(data)` function of the feature (tested without a browser). */
  option: EChartsOption;
  /** The chart's accessible name (charts are images to a screen reader). */
  label: string;
  height?: number | string;
  theme?: 'light' | 'dark';
  style?: CSSProperties;
  /** A click on a data item: its series and data index (drill-down). */
  onItemClick?: (item: { seriesIndex: number; dataIndex: number; name: string }) => void;
}

/**
 * The one echarts component: mounts an instance, follows its box's size, replaces the
 * option when it changes, passes clicks on, and disposes on unmount.
 */
export function EChart({ option, label, height = 320, theme = 'light', style, onItemClick }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, theme === 'dark' ? 'dark' : undefined);
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { seriesIndex?: number; dataIndex?: number; name?: string };
      click.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex ?? 0, name: p.name ?? '' });
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height, ...style }} />;
}
