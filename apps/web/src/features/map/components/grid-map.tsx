import type { FilterSpecification, GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { createBaseMap } from '../../../lib/map/create-base-map';
import type { GridLayers } from '../../../lib/map/geo-api';
import { CLICKABLE_LAYER, gridSelectedFillLayer, gridSelectedLineLayer, SOURCES } from '../../../lib/map/layers';

export interface GridMapProps {
  grids: GridLayers | undefined;
  bounds: LngLatBoundsLike | undefined;
  selectedGridId: number | null;
  onPick: (point: { lng: number; lat: number }) => void;
}

/**
 * The maplibre map: mounts the offline style once, then feeds it the grids, the home
 * bounds and the selection. `data-state` says when grids are drawn (for screenshots and tests).
 */
export function GridMap({ grids, bounds, selectedGridId, onPick }: GridMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  const [styleReady, setStyleReady] = useState(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const map = createBaseMap(container.current);
    map.on('load', () => setStyleReady(true));
    map.on('click', (event) => onPickRef.current({ lng: event.lngLat.lng, lat: event.lngLat.lat }));
    map.on('mouseenter', CLICKABLE_LAYER, () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', CLICKABLE_LAYER, () => {
      map.getCanvas().style.cursor = '';
    });
    // A missing basemap file should not break the map: log it and draw what is there.
    map.on('error', (event) => console.warn('[map]', event.error?.message ?? event));
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !grids) return;
    map.getSource<GeoJSONSource>(SOURCES.grids)?.setData(grids.outlines);
    map.getSource<GeoJSONSource>(SOURCES.gridLabels)?.setData(grids.labels);
    map.once('idle', () => setDrawn(true));
  }, [styleReady, grids]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !bounds) return;
    map.fitBounds(bounds, { padding: 24, animate: false });
  }, [bounds]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const filter: FilterSpecification = ['==', ['get', 'id'], selectedGridId ?? -1];
    map.setFilter(gridSelectedFillLayer.id, filter);
    map.setFilter(gridSelectedLineLayer.id, filter);
  }, [styleReady, selectedGridId]);

  return (
    <section
      ref={container}
      aria-label="网格地图"
      data-state={drawn ? 'ready' : 'loading'}
      style={{ position: 'absolute', inset: 0 }}
    />
  );
}
