import { polygonProblem } from '@citygov/domain/geo/polygon';
import { Alert, Card, Grid, message } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  useCameraPoints,
  useCaseMapPoints,
  useCommunityOutlines,
  useSensorPoints,
} from '../../features/map/api/case-map';
import { caseMapFiltersFromParams, caseMapParams } from '../../features/map/case-map-params';
import { CaseCard } from '../../features/map/components/case-card';
import { CaseMapToolbar } from '../../features/map/components/case-map-toolbar';
import { CaseMapView } from '../../features/map/components/case-map-view';
import { CaseResultList } from '../../features/map/components/case-result-list';
import { LayerSwitches } from '../../features/map/components/layer-switches';
import { LAYER_GROUP_KEYS, LAYER_GROUPS, type LayerGroup } from '../../features/map/layers';
import { apiErrorMessage } from '../../lib/api-error';
import { useGridAreas, useMapHome } from '../../lib/map/geo-api';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';
import styles from './map-page.module.css';

const INITIAL = Object.fromEntries(LAYER_GROUP_KEYS.map((k) => [k, LAYER_GROUPS[k].initial])) as Record<
  LayerGroup,
  boolean
>;

/** `at=lng,lat,zoom`: where a shared link opens the map. */
function focusOf(value: string | null) {
  const [lng, lat, zoom] = (value ?? '').split(',').map(Number);
  if (lng === undefined || lat === undefined || !Number.isFinite(lng) || !Number.isFinite(lat)) return undefined;
  return { lng, lat, zoom: zoom !== undefined && Number.isFinite(zoom) ? Math.min(Math.max(zoom, 8), 18) : 15 };
}

/**
 * 案件地图 (/map): grids, area outlines, cases (clustered, by status and urgency), heat,
 * cameras and sensors as switchable layers; a case card on click; 框选 filters the cases
 * on the server and lists them beside the map. Filters, 框选 and the picked case live in the URL.
 */
export function MapPage() {
  const screens = Grid.useBreakpoint();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => caseMapFiltersFromParams(params), [params]);
  const selectedId = Number(params.get('case')) || null;
  const focus = useMemo(() => focusOf(params.get('at')), [params]);
  const [visible, setVisible] = useState(INITIAL);
  const [draft, setDraft] = useState<[number, number][] | null>(null);

  const unavailable: Partial<Record<LayerGroup, string>> = {
    ...(can('case.view') ? {} : { cases: '需要「查看案件」权限', heat: '需要「查看案件」权限' }),
    ...(can('video.view') ? {} : { cameras: '需要「视频监控」权限' }),
    ...(can('iot.view') ? {} : { sensors: '需要「物联感知」权限' }),
  };
  const home = useMapHome();
  const grids = useGridAreas();
  const points = useCaseMapPoints(filters, can('case.view'));
  const communities = useCommunityOutlines(visible.communities);
  const cameras = useCameraPoints(visible.cameras && can('video.view'));
  const sensors = useSensorPoints(visible.sensors && can('iot.view'));

  const homeBounds = home.data?.bounds;
  const bounds = useMemo(
    () =>
      homeBounds?.every((v) => typeof v === 'number')
        ? ([homeBounds[0], homeBounds[1], homeBounds[2], homeBounds[3]] as [number, number, number, number])
        : undefined,
    [homeBounds],
  );
  const rows = points.data?.points ?? [];
  const selected = rows.find((p) => p.id === selectedId);
  const failure = home.error ?? grids.error ?? points.error;
  const gridCount = grids.data?.features.length;

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const select = useCallback(
    (id: number | null) => update((next) => (id ? next.set('case', String(id)) : next.delete('case'))),
    [update],
  );
  const finishDrawing = () => {
    if (!draft) return;
    const problem = polygonProblem(draft);
    if (problem) {
      message.warning(problem);
      return;
    }
    setParams((current) => caseMapParams({ ...caseMapFiltersFromParams(current), polygon: draft }, current), {
      replace: true,
    });
    setDraft(null);
  };

  const listTitle = filters.polygon ? '框选结果' : '案件列表';
  const truncatedNote =
    points.data?.truncated && points.data.keyword === 'exact'
      ? `仅显示最新的 ${points.data.limit.toLocaleString('zh-CN')} 件，请缩小框选范围或增加筛选条件`
      : null;
  const fuzzyNote =
    points.data?.keyword === 'fuzzy'
      ? `没有完全包含“${filters.q ?? ''}”的案件，显示最相近的 ${points.data.points.length.toLocaleString('zh-CN')} 件（模糊匹配）`
      : null;

  return (
    <div className={screens.md === false ? styles.pagePhone : styles.page}>
      <PageHeader
        title="案件地图"
        description={
          home.data
            ? `${home.data.name}${gridCount === undefined ? '' : ` · 共 ${gridCount} 个单元网格`}`
            : '正在加载辖区…'
        }
      />
      <div className={styles.toolbar}>
        <CaseMapToolbar
          filters={filters}
          onChange={(next) => setParams((current) => caseMapParams(next, current), { replace: true })}
          drawing={draft !== null}
          draftSize={draft?.length ?? 0}
          casesAvailable={can('case.view')}
          onStartDrawing={() => setDraft([])}
          onFinishDrawing={finishDrawing}
          onCancelDrawing={() => setDraft(null)}
        />
      </div>
      {failure ? <Alert type="error" showIcon title={apiErrorMessage(failure)} style={{ marginBottom: 8 }} /> : null}
      {truncatedNote ? <Alert type="warning" showIcon title={truncatedNote} style={{ marginBottom: 8 }} /> : null}
      {fuzzyNote ? <Alert type="info" showIcon title={fuzzyNote} style={{ marginBottom: 8 }} /> : null}
      <div className={styles.body}>
        <div className={styles.mapFrame}>
          <CaseMapView
            grids={grids.layers}
            communities={communities.data}
            cameras={cameras.collection}
            sensors={sensors.collection}
            points={rows}
            visible={visible}
            ring={draft ?? filters.polygon}
            drawing={draft !== null}
            selectedId={selectedId}
            focus={focus}
            bounds={bounds}
            onSelectCase={select}
            onDrawPoint={(point) => setDraft((ring) => (ring ? [...ring, point] : ring))}
            onFinishDrawing={finishDrawing}
          />
          {selected ? (
            <div className={styles.card}>
              <CaseCard point={selected} onClose={() => select(null)} />
            </div>
          ) : null}
        </div>
        <div className={styles.side}>
          <LayerSwitches
            visible={visible}
            unavailable={unavailable}
            onChange={(key, on) => setVisible((v) => ({ ...v, [key]: on }))}
          />
          {can('case.view') ? (
            <Card
              size="small"
              title={`${listTitle}${points.data ? `（${rows.length.toLocaleString('zh-CN')} 件）` : ''}`}
              className={styles.list}
            >
              <CaseResultList
                title={listTitle}
                points={rows}
                loading={points.isFetching}
                selectedId={selectedId}
                onSelect={select}
              />
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
