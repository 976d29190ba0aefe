import { type ComponentType, useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { apiErrorMessage } from '../../../lib/api-error';
import { useWallPush, useWallView } from '../api/wall-api';
import { useLiveCases } from '../hooks/use-live-cases';
import styles from '../wall.module.css';
import { nextPage, panelsOf, rotateSeconds, WALL_PAGES, WALL_PANELS, type WallPanel } from '../wall-pages';
import { KpiStrip } from './kpi-strip';
import { WallHeader } from './wall-header';
import { type WallMapProps, WallPanelView } from './wall-panels';

/** Screen width over the 1920 design width: what charts and map symbols scale by. */
const readScale = () => Math.max(0.5, window.innerWidth / 1920);

function useScreenScale() {
  const [scale, setScale] = useState(readScale);
  useEffect(() => {
    const update = () => setScale(readScale());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return scale;
}

function useNow() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function isPanel(value: string): value is WallPanel {
  return Object.hasOwn(WALL_PANELS, value);
}

/**
 * 指挥大厅大屏: `?area=` picks the area (the viewer's own by default; the server refuses
 * one outside their scope), `?rotate=30` turns the pages every 30 s, `?pin=map,live`
 * keeps panels on screen. Keeps the last data with its age when the server is away.
 */
export function WallScreen({ map }: { map: ComponentType<WallMapProps> }) {
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? '';
  const rotate = rotateSeconds(params.get('rotate'));
  const pinned = useMemo(() => new Set((params.get('pin') ?? '').split(',').filter(isPanel)), [params]);
  const [page, setPage] = useState(0);
  const scale = useScreenScale();
  const now = useNow();

  const view = useWallView(area || undefined);
  const live = useLiveCases(view.data?.recent);
  const push = useWallPush(area || undefined, live.push);

  const setParam = useCallback(
    (key: string, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const togglePin = useCallback(
    (panel: WallPanel) => {
      const next = new Set(pinned);
      if (next.has(panel)) next.delete(panel);
      else next.add(panel);
      setParam('pin', [...next].join(','));
    },
    [pinned, setParam],
  );

  useEffect(() => {
    if (!rotate) return;
    const timer = setInterval(() => setPage((current) => nextPage(current, pinned)), rotate * 1000);
    return () => clearInterval(timer);
  }, [rotate, pinned]);

  if (!view.data) {
    return (
      <main className={styles.wall} style={{ display: 'grid', placeItems: 'center', gridTemplateRows: '1fr' }}>
        <p style={{ fontSize: '1.6em' }} role="status">
          {view.isError ? apiErrorMessage(view.error, '大屏数据加载失败') : '正在加载指挥大厅数据…'}
        </p>
      </main>
    );
  }
  const current = WALL_PAGES[page] ?? WALL_PAGES[0];
  if (!current) return null;
  const connected = push.status === 'pending' && !view.isError;
  const ctx = { Map: map, view: view.data, live: live.rows, scale, now, pinned, onPin: togglePin };
  return (
    <main className={styles.wall} aria-label="指挥大厅大屏" data-page={current.key}>
      <WallHeader
        view={view.data}
        area={area}
        onArea={(code) => setParam('area', code)}
        page={page}
        onPage={setPage}
        connected={connected}
        updatedAt={view.dataUpdatedAt}
        now={now}
      />
      <KpiStrip kpi={view.data.kpi} />
      <div className={styles.grid} style={{ gridTemplateAreas: current.areas.map((row) => `"${row}"`).join(' ') }}>
        {panelsOf(current).map((panel) => (
          <WallPanelView key={`${current.key}-${panel}`} panel={panel} ctx={ctx} />
        ))}
      </div>
    </main>
  );
}
