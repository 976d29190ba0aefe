import {
  type FilterSpecification,
  type GeoJSONSource,
  LngLatBounds,
  type LngLatBoundsLike,
  type Map as MapLibreMap,
  Popup,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { EMPTY_COLLECTION } from './basemap-style';
import { createBaseMap } from './create-base-map';
import type { GridLayers } from './geo-api';
import { gridSelectedFillLayer, gridSelectedLineLayer, SOURCES } from './layers';
import { PIN_SOURCE, type PinTone, pinHaloLayer, pinLayer } from './pin-layers';
// The worker URL and the map's stylesheet: set up with the first map, not with every page.
import './maplibre';

export interface MapPin {
  id: number;
  lng: number;
  lat: number;
  tone: PinTone;
  /** Shown in a popup on hover. */
  label?: string;
}

export interface PinMapProps {
  pins: readonly MapPin[];
  /** Fallback view when there are no pins (the user's home area). */
  bounds?: LngLatBoundsLike | undefined;
  /** Grid outlines with their labels, or outlines alone (intake shows them; lists do not). */
  grids?: GridLayers | GeoJSON.FeatureCollection | undefined;
  selectedGridId?: number | null;
  onPick?: (point: { lng: number; lat: number }) => void;
  onPinClick?: (id: number) => void;
  ariaLabel: string;
  /** Zoom used for a single pin. */
  singleZoom?: number;
  /** Move the view to the pins when they change (off for picking, where the view should stay put). */
  fitPins?: boolean;
}

function pinCollection(pins: readonly MapPin[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: pins.map((pin) => ({
      type: 'Feature',
      id: pin.id,
      geometry: { type: 'Point', coordinates: [pin.lng, pin.lat] },
      properties: { id: pin.id, tone: pin.tone, label: pin.label ?? '' },
    })),
  };
}

/**
 * The offline basemap (same style and layers as the grid map) with case pins on top.
 * Fits the pins when they change; `data-state="ready"` once drawn.
 */
export function PinMapView({
  pins,
  bounds,
  grids,
  selectedGridId = null,
  onPick,
  onPinClick,
  ariaLabel,
  singleZoom = 15,
  fitPins = true,
}: PinMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const handlers = useRef({ onPick, onPinClick });
  handlers.current = { onPick, onPinClick };
  const [styleReady, setStyleReady] = useState(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const map = createBaseMap(container.current);
    const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 10 });
    map.on('load', () => {
      map.addSource(PIN_SOURCE, { type: 'geojson', data: EMPTY_COLLECTION });
      map.addLayer(pinHaloLayer);
      map.addLayer(pinLayer);
      setStyleReady(true);
    });
    map.on('click', (event) => {
      const hit = map.getLayer(pinLayer.id)
        ? map.queryRenderedFeatures(event.point, { layers: [pinLayer.id] })[0]
        : undefined;
      const id = Number(hit?.properties?.id);
      if (hit && handlers.current.onPinClick) handlers.current.onPinClick(id);
      else handlers.current.onPick?.({ lng: event.lngLat.lng, lat: event.lngLat.lat });
    });
    map.on('mouseenter', pinLayer.id, (event) => {
      const feature = event.features?.[0];
      const label = feature?.properties?.label;
      if (handlers.current.onPinClick) map.getCanvas().style.cursor = 'pointer';
      if (feature?.geometry.type === 'Point' && typeof label === 'string' && label) {
        const [lng = 0, lat = 0] = feature.geometry.coordinates;
        popup.setLngLat([lng, lat]).setText(label).addTo(map);
      }
    });
    map.on('mouseleave', pinLayer.id, () => {
      map.getCanvas().style.cursor = '';
      popup.remove();
    });
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
    map.getSource<GeoJSONSource>(PIN_SOURCE)?.setData(pinCollection(pins));
    const layers = grids && 'outlines' in grids ? grids : { outlines: grids, labels: undefined };
    map.getSource<GeoJSONSource>(SOURCES.grids)?.setData(layers.outlines ?? EMPTY_COLLECTION);
    map.getSource<GeoJSONSource>(SOURCES.gridLabels)?.setData(layers.labels ?? EMPTY_COLLECTION);
    map.once('idle', () => setDrawn(true));
  }, [styleReady, pins, grids]);

  // Re-fit only when the set of pins (not their colour) or the fallback bounds change.
  const pinKey = fitPins ? pins.map((p) => `${p.id}:${p.lng}:${p.lat}`).join('|') : '';
  const boundsKey = bounds ? JSON.stringify(bounds) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for the pins' positions and the bounds
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const [first] = pins;
    if (!fitPins) {
      if (bounds) map.fitBounds(bounds, { padding: 24, animate: false });
    } else if (pins.length === 1 && first) {
      map.jumpTo({ center: [first.lng, first.lat], zoom: Math.max(map.getZoom(), singleZoom) });
    } else if (pins.length > 1) {
      const box = new LngLatBounds();
      for (const pin of pins) box.extend([pin.lng, pin.lat]);
      map.fitBounds(box, { padding: 48, maxZoom: 16, animate: false });
    } else if (bounds) {
      map.fitBounds(bounds, { padding: 24, animate: false });
    }
  }, [pinKey, boundsKey, singleZoom, fitPins]);

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
      aria-label={ariaLabel}
      data-state={drawn ? 'ready' : 'loading'}
      style={{ position: 'absolute', inset: 0 }}
    />
  );
}
