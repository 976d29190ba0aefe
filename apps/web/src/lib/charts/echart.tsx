import { type CSSProperties, useEffect, useRef } from 'react';
import { type ChartOption, echarts } from './echarts-core';

/** CJK-capable fonts for canvas text (echarts draws labels itself, not with the page's CSS). */
export const CHART_FONT_FAMILY =
  "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/**
 * The one chart component: renders a pure option (from a `toOption(data)` function) on a
 * canvas at the screen's real pixel ratio, follows its box's size, and carries a Chinese
 * accessible name. Options replace each other whole, so a chart never keeps stale series.
 */
export function EChart({ option, label, style }: { option: ChartOption; label: string; style?: CSSProperties }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, {
      renderer: 'canvas',
      devicePixelRatio: window.devicePixelRatio,
    });
    chart.current = instance;
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

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height: '100%', ...style }} />;
}
