import { type CSSProperties, useEffect, useRef } from 'react';
import { type ChartOption, echarts } from './echarts-core';

/** CJK-capable fonts for canvas text (echarts draws labels itself, not with the page's CSS). */
export const CHART_FONT_FAMILY =
  "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

export interface EChartProps {
  /** Built by a pure `toOption(data)` function of the feature (tested without a browser). */
  option: ChartOption;
  /** The chart's accessible name (charts are images to a screen reader). */
  label: string;
  /** The box's height; by default it fills its parent (wall panels size themselves). */
  height?: number | string;
  style?: CSSProperties;
  /** A click on a data item: its series and data index (drill-down). */
  onItemClick?: (item: { seriesIndex: number; dataIndex: number; name: string }) => void;
}

/**
 * The one chart component: renders a pure option on a canvas at the screen's real pixel
 * ratio (sharp on a 4K wall), follows its box's size, passes clicks on for drill-down, and
 * disposes on unmount. Options replace each other whole, so a chart never keeps stale series.
 */
export function EChart({ option, label, height = '100%', style, onItemClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, {
      renderer: 'canvas',
      devicePixelRatio: window.devicePixelRatio,
    });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { seriesIndex?: number; dataIndex?: number; name?: string };
      click.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex ?? 0, name: p.name ?? '' });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height, ...style }} />;
}
