import { WALL_MEASURES, WALL_TREND_MEASURES } from '@citygov/domain/wall/wall-measures';
import { type ComponentType, Suspense, useMemo } from 'react';
import { EChart } from '../../../lib/charts/echart';
import type { WallView } from '../api/wall-api';
import type { LiveRow } from '../hooks/use-live-cases';
import styles from '../wall.module.css';
import { categoryOption, departmentOption, rankingOption, sourceOption, trendOption } from '../wall-chart-options';
import { WALL_PANELS, type WallPanel } from '../wall-pages';
import { CaseList } from './case-list';
import { Panel } from './panel';

/** What the 案件分布 panel's map gets (the surface supplies the map: the case map of /map). */
export interface WallMapProps {
  map: WallView['map'];
  live: readonly LiveRow[];
  now: number;
  scale: number;
}

export interface PanelContext {
  /** The map panel's content, lazily loaded by the surface (maplibre comes after the numbers). */
  Map: ComponentType<WallMapProps>;
  view: WallView;
  live: readonly LiveRow[];
  scale: number;
  now: number;
  pinned: ReadonlySet<WallPanel>;
  onPin: (panel: WallPanel) => void;
}

/** One panel of the wall with its content. */
export function WallPanelView({ panel, ctx }: { panel: WallPanel; ctx: PanelContext }) {
  const { view, scale } = ctx;
  const frame = { panel, pinned: ctx.pinned.has(panel), onPin: ctx.onPin };
  const trend = useMemo(
    () =>
      trendOption(
        {
          days: view.trend.days,
          series: WALL_TREND_MEASURES.map((m) => ({ name: WALL_MEASURES[m], values: view.trend.series[m] })),
        },
        scale,
      ),
    [view.trend, scale],
  );
  const categories = useMemo(() => categoryOption(view.categories, scale), [view.categories, scale]);
  const sources = useMemo(() => sourceOption(view.sources, scale), [view.sources, scale]);
  const ranking = useMemo(() => rankingOption(view.ranking, scale), [view.ranking, scale]);
  const departments = useMemo(() => departmentOption(view.departments, scale), [view.departments, scale]);

  switch (panel) {
    case 'live':
      return (
        <Panel {...frame} empty={ctx.live.length === 0 && '今日暂无新上报案件'}>
          <CaseList rows={ctx.live} label="实时案件列表" variant="live" now={ctx.now} />
        </Panel>
      );
    case 'watch':
      return (
        <Panel {...frame} empty={view.watchList.length === 0 && '暂无超期或督办案件'}>
          <CaseList rows={view.watchList} label="超期与督办列表" variant="watch" now={ctx.now} />
        </Panel>
      );
    case 'map':
      return (
        <Panel {...frame}>
          <Suspense fallback={<div className={styles.empty}>正在加载地图…</div>}>
            <ctx.Map map={view.map} live={ctx.live} now={ctx.now} scale={scale} />
          </Suspense>
        </Panel>
      );
    case 'trend':
      return (
        <Panel {...frame}>
          <EChart option={trend} label={WALL_PANELS.trend} />
        </Panel>
      );
    case 'categories':
      return (
        <Panel {...frame} empty={view.categories.length === 0 && '本月暂无上报'}>
          <EChart option={categories} label={WALL_PANELS.categories} />
        </Panel>
      );
    case 'sources':
      return (
        <Panel {...frame} empty={view.sources.length === 0 && '近30日暂无上报'}>
          <EChart option={sources} label={WALL_PANELS.sources} />
        </Panel>
      );
    case 'ranking':
      return (
        <Panel
          {...frame}
          empty={
            view.ranking.length === 0 && (view.area.level === 'street' ? '街道（中队）级无下级排名' : '近30日暂无数据')
          }
        >
          <EChart option={ranking} label={WALL_PANELS.ranking} />
        </Panel>
      );
    case 'departments':
      return (
        <Panel {...frame} empty={view.departments.length === 0 && '近30日暂无派遣'}>
          <EChart option={departments} label={WALL_PANELS.departments} />
        </Panel>
      );
  }
}
