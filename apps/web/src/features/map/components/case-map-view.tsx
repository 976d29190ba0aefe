import {
  type FilterSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type Map as MapLibreMap,
  Marker,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { EMPTY_COLLECTION } from '../../../lib/map/basemap-style';
import { createBaseMap } from '../../../lib/map/create-base-map';
import { darkenBasemap } from '../../../lib/map/dark-basemap';
import type { GridLayers } from '../../../lib/map/geo-api';
import { SOURCES } from '../../../lib/map/layers';
import '../../../lib/map/maplibre';
import { type CasePointLike, casePointCollection } from '../case-points';
import {
  CASE_MAP_SOURCES,
  CLUSTER_MAX_ZOOM,
  caseMapLayers,
  casePointLayer,
  caseSelectedLayer,
  clusterLayer,
  LAYER_GROUP_KEYS,
  LAYER_GROUPS,
  type LayerGroup,
} from '../layers';
import styles from './case-map-view.module.css';

/** A case to draw attention to (a new report on the wall): a brief pulse at its point. */
export interface CasePulse {
  id: number;
  /** Its accessible name, e.g. 新案件 + the case number. */
  label: string;
}

export interface CaseMapViewProps {
  grids?: GridLayers | undefined;
  communities?: GeoJSON.FeatureCollection | undefined;
  cameras?: GeoJSON.FeatureCollection | undefined;
  sensors?: GeoJSON.FeatureCollection | undefined;
  points: readonly CasePointLike[];
  visible: Record<LayerGroup, boolean>;
  /** The ring on the map: the one being drawn, or the applied 框选. */
  ring?: readonly (readonly [number, number])[] | undefined;
  drawing?: boolean;
  selectedId?: number | null;
  /** Where the map opens: a point and zoom from the URL, else the caller's area. */
  focus?: { lng: number; lat: number; zoom: number } | undefined;
  bounds: LngLatBoundsLike | undefined;
  onSelectCase?: (id: number) => void;
  onDrawPoint?: (point: [number, number]) => void;
  onFinishDrawing?: () => void;
  /** The desk's light map, or the wall's dark one. Read once, when the map is made. */
  theme?: 'light' | 'dark';
  /** Symbol and label sizes (the wall's screen width / 1920). Read once, when the map is made. */
  scale?: number;
  /** Cases pulsing briefly (new on the wall). */
  pulses?: readonly CasePulse[];
  /** The map's accessible name. */
  label?: string;
}

function ringCollection(ring: readonly (readonly [number, number])[] | undefined): GeoJSON.FeatureCollection {
  if (!ring || ring.length === 0) return EMPTY_COLLECTION;
  const coordinates = ring.map(([lng, lat]) => [lng, lat]);
  const vertices: GeoJSON.Feature[] = coordinates.map((c) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: c },
    properties: {},
  }));
  const first = coordinates[0] ?? [0, 0];
  const shape: GeoJSON.Feature =
    coordinates.length >= 3
      ? { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...coordinates, first]] }, properties: {} }
      : { type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: {} };
  return { type: 'FeatureCollection', features: [shape, ...vertices] };
}

/**
 * 案件地图: the offline basemap plus the case map's layers (layers.ts). Clicking a case
 * selects it, clicking a cluster zooms into it; while drawing, clicks add vertices and a
 * double click finishes. `data-state="ready"` once the cases are drawn.
 */
export function CaseMapView(props: CaseMapViewProps) {
  const { grids, communities, cameras, sensors, points, visible, ring, focus, bounds } = props;
  const drawing = props.drawing ?? false;
  const selectedId = props.selectedId ?? null;
  const pulses = props.pulses;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [styleReady, setStyleReady] = useState(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const map = createBaseMap(container.current);
    const { theme = 'light', scale = 1 } = latest.current;
    map.on('load', () => {
      if (theme === 'dark') darkenBasemap(map, scale);
      map.addSource(CASE_MAP_SOURCES.cases, {
        type: 'geojson',
        data: EMPTY_COLLECTION,
        cluster: true,
        clusterRadius: 45 * scale,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
      });
      for (const key of ['heat', 'communities', 'cameras', 'sensors', 'drawn'] as const) {
        map.addSource(CASE_MAP_SOURCES[key], { type: 'geojson', data: EMPTY_COLLECTION });
      }
      for (const layer of caseMapLayers(scale)) map.addLayer(layer);
      // 网格 labels carry the grid code (网格编码) on this map.
      map.setLayoutProperty('grid-label', 'text-field', [
        'step',
        ['zoom'],
        ['get', 'code'],
        16.5,
        ['concat', ['get', 'name'], '\n', ['get', 'code']],
      ]);
      setStyleReady(true);
    });
    map.on('click', async (event) => {
      if (latest.current.drawing) {
        latest.current.onDrawPoint?.([event.lngLat.lng, event.lngLat.lat]);
        return;
      }
      const layers = [casePointLayer.id, clusterLayer.id].filter(
        (id) => map.getLayoutProperty(id, 'visibility') !== 'none',
      );
      const [hit] = layers.length > 0 ? map.queryRenderedFeatures(event.point, { layers }) : [];
      if (hit?.geometry.type !== 'Point') return;
      const clusterId = hit.properties?.cluster_id;
      if (typeof clusterId === 'number') {
        const source = map.getSource<GeoJSONSource>(CASE_MAP_SOURCES.cases);
        const zoom = (await source?.getClusterExpansionZoom(clusterId)) ?? map.getZoom() + 2;
        const [lng = 0, lat = 0] = hit.geometry.coordinates;
        map.easeTo({ center: [lng, lat], zoom: Math.max(zoom, map.getZoom() + 1), duration: 300 });
      } else {
        latest.current.onSelectCase?.(Number(hit.properties?.id));
      }
    });
    map.on('dblclick', (event) => {
      if (!latest.current.drawing) return;
      event.preventDefault();
      latest.current.onFinishDrawing?.();
    });
    for (const id of [casePointLayer.id, clusterLayer.id]) {
      map.on('mouseenter', id, () => {
        if (!latest.current.drawing) map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', id, () => {
        map.getCanvas().style.cursor = latest.current.drawing ? 'crosshair' : '';
      });
    }
    map.on('error', (event) => console.warn('[map]', event.error?.message ?? event));
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const data = casePointCollection(points);
    map.getSource<GeoJSONSource>(CASE_MAP_SOURCES.cases)?.setData(data);
    map.getSource<GeoJSONSource>(CASE_MAP_SOURCES.heat)?.setData(data);
    setDrawn(false);
    map.once('idle', () => setDrawn(true));
  }, [styleReady, points]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    map.getSource<GeoJSONSource>(SOURCES.grids)?.setData(grids?.outlines ?? EMPTY_COLLECTION);
    map.getSource<GeoJSONSource>(SOURCES.gridLabels)?.setData(grids?.labels ?? EMPTY_COLLECTION);
    map.getSource<GeoJSONSource>(CASE_MAP_SOURCES.communities)?.setData(communities ?? EMPTY_COLLECTION);
    map.getSource<GeoJSONSource>(CASE_MAP_SOURCES.cameras)?.setData(cameras ?? EMPTY_COLLECTION);
    map.getSource<GeoJSONSource>(CASE_MAP_SOURCES.sensors)?.setData(sensors ?? EMPTY_COLLECTION);
  }, [styleReady, grids, communities, cameras, sensors]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    map.getSource<GeoJSONSource>(CASE_MAP_SOURCES.drawn)?.setData(ringCollection(ring));
  }, [styleReady, ring]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    for (const key of LAYER_GROUP_KEYS) {
      for (const id of LAYER_GROUPS[key].layers) {
        if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible[key] ? 'visible' : 'none');
      }
    }
  }, [styleReady, visible]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.getCanvas().style.cursor = drawing ? 'crosshair' : '';
    if (drawing) map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
  }, [drawing]);

  // The opening view: the URL's point, else the caller's area (once each).
  const focusKey = focus ? `${focus.lng},${focus.lat},${focus.zoom}` : '';
  const boundsKey = bounds ? JSON.stringify(bounds) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for focus and bounds
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (focus) map.jumpTo({ center: [focus.lng, focus.lat], zoom: focus.zoom });
    else if (bounds) map.fitBounds(bounds, { padding: 24 * (latest.current.scale ?? 1), animate: false });
  }, [focusKey, boundsKey]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const filter: FilterSpecification = ['all', ['!', ['has', 'point_count']], ['==', ['get', 'id'], selectedId ?? -1]];
    map.setFilter(caseSelectedLayer.id, filter);
    const point = latest.current.points.find((p) => p.id === selectedId);
    if (!point) return;
    // Move only when the case is off screen or hidden in a cluster (a list pick), not after a click on it.
    const inView = map.getBounds().contains([point.lng, point.lat]);
    const shown =
      inView &&
      map
        .queryRenderedFeatures(map.project([point.lng, point.lat]), { layers: [casePointLayer.id] })
        .some((f) => Number(f.properties?.id) === point.id);
    if (!shown) {
      map.easeTo({
        center: [point.lng, point.lat],
        zoom: Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1),
        duration: 300,
      });
    }
  }, [styleReady, selectedId]);

  // New cases pulse for a moment (an HTML marker with a CSS animation: crisp at any pixel
  // ratio, and nothing to redraw on the canvas); one marker per case, removed when it ends.
  const placed = (pulses ?? []).flatMap((pulse) => {
    const point = points.find((p) => p.id === pulse.id);
    return point ? [{ ...pulse, lng: point.lng, lat: point.lat }] : [];
  });
  const placedKey = JSON.stringify(placed);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const markers = (JSON.parse(placedKey) as typeof placed).map((pulse) => {
      // The marker positions its element with a transform: the animated ring goes inside.
      const element = document.createElement('div');
      element.setAttribute('role', 'img');
      element.setAttribute('aria-label', pulse.label);
      element.dataset.caseId = String(pulse.id);
      const ring = document.createElement('span');
      ring.className = styles.pulse ?? '';
      element.append(ring);
      return new Marker({ element }).setLngLat([pulse.lng, pulse.lat]).addTo(map);
    });
    return () => {
      for (const marker of markers) marker.remove();
    };
  }, [styleReady, placedKey]);

  return (
    <section
      ref={container}
      aria-label={props.label ?? '案件地图'}
      data-state={drawn ? 'ready' : 'loading'}
      data-drawing={drawing ? 'true' : 'false'}
      style={{ position: 'absolute', inset: 0 }}
    />
  );
}
