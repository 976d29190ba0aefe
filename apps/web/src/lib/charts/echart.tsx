import { type CSSProperties, useEffect, useRef, useState } from 'react';
import type { ChartOption, echarts } from './echarts-core';

/** CJK-capable fonts for canvas text (echarts draws labels itself, not with the page's CSS). */
export const CHART_FONT_FAMILY =
  "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

type Echarts = typeof echarts;
type ChartInstance = ReturnType<Echarts['init']>;

// echarts is a fifth of a chart page's JS: it loads once, after the page shows, for every chart.
let loadingEcharts: Promise<Echarts> | null = null;
function loadEcharts(): Promise<Echarts> {
  if (!loadingEcharts) {
    const loading = import('./echarts-core').then((module) => module.echarts);
    // A failed load (a new deployment replaced the chunk, the network dropped) is tried again next time.
    loading.catch(() => {
      loadingEcharts = null;
    });
    loadingEcharts = loading;
  }
  return loadingEcharts;
}

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

function draw(instance: ChartInstance, option: ChartOption) {
  instance.setOption({ textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option }, { notMerge: true });
}

/**
 * The one chart component: renders a pure option on a canvas at the screen's real pixel
 * ratio (sharp on a 4K wall), follows its box's size, passes clicks on for drill-down, and
 * disposes on unmount. Options replace each other whole, so a chart never keeps stale series.
 * The box is `aria-busy` until the chart is drawn.
 */
export function EChart({ option, label, height = '100%', style, onItemClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const click = useRef(onItemClick);
  click.current = onItemClick;
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let gone = false;
    let observer: ResizeObserver | null = null;
    loadEcharts().then(
      (lib) => {
        if (gone) return;
        const instance = lib.init(element, undefined, {
          renderer: 'canvas',
          devicePixelRatio: window.devicePixelRatio,
        });
        chart.current = instance;
        instance.on('click', (params) => {
          const p = params as { seriesIndex?: number; dataIndex?: number; name?: string };
          click.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex ?? 0, name: p.name ?? '' });
        });
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(element);
        draw(instance, latest.current);
        setState('drawn');
      },
      () => {
        if (!gone) setState('failed');
      },
    );
    return () => {
      gone = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (chart.current) draw(chart.current, option);
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      aria-busy={state === 'loading'}
      style={{ width: '100%', height, ...style }}
    >
      {state === 'failed' ? (
        <span style={{ display: 'block', padding: 8, fontSize: 13 }}>图表加载失败，请刷新页面</span>
      ) : null}
    </div>
  );
}
