import { type Map as MapLibreMap, Marker } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { createBaseMap } from '../../../lib/map/create-base-map';
import '../../../lib/map/maplibre';
import type { CommandScene } from '../api/command';
import { formatDistance } from '../format';

const TONES = { available: '#1f8a70', busy: '#1558b0', stale: '#d48806', off_duty: '#8c8c8c', no_position: '#8c8c8c' };

function staffMarker(name: string, label: string, tone: string): HTMLElement {
  const el = document.createElement('div');
  el.style.cssText = 'display:flex;flex-direction:column;align-items:center;pointer-events:none';
  const tag = document.createElement('div');
  tag.style.cssText = `background:${tone};color:#fff;border-radius:4px;padding:1px 6px;font-size:12px;white-space:nowrap;box-shadow:0 1px 3px rgba(0,0,0,.3)`;
  tag.textContent = `${name} · ${label}`;
  const dot = document.createElement('div');
  dot.style.cssText = `width:12px;height:12px;border-radius:50%;background:${tone};border:2px solid #fff;margin-top:2px;box-shadow:0 0 0 1px ${tone}`;
  el.append(tag, dot);
  return el;
}

function caseMarker(caseNo: string): HTMLElement {
  const el = document.createElement('div');
  el.style.cssText = 'display:flex;flex-direction:column;align-items:center;pointer-events:none';
  el.innerHTML = `<div style="background:#cf1322;color:#fff;border-radius:4px;padding:2px 8px;font-size:12px;font-weight:600;white-space:nowrap">案件 ${caseNo}</div><div style="width:18px;height:18px;border-radius:50%;background:#cf1322;border:3px solid #fff;margin-top:2px;box-shadow:0 0 0 6px rgba(207,19,34,.25)"></div>`;
  return el;
}

/**
 * The scene's map: the case in red, each nearby person at their latest fix with name and
 * distance (green 可呼叫, blue 呼叫中, amber 位置过旧, grey 离岗). Markers are redrawn on each
 * refresh; the view is fitted once, so the chief's own panning is kept.
 */
export function SceneMap({ scene, track }: { scene: CommandScene; track?: readonly [number, number][] | undefined }) {
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markers = useRef<Marker[]>([]);
  const fitted = useRef(false);

  useEffect(() => {
    if (!container.current) return;
    const map = createBaseMap(container.current);
    mapRef.current = map;
    map.on('load', () => {
      map.addSource('command-track', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({
        id: 'command-track',
        type: 'line',
        source: 'command-track',
        paint: { 'line-color': '#1558b0', 'line-width': 3, 'line-opacity': 0.8 },
      });
      container.current?.setAttribute('data-state', 'ready');
    });
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    for (const marker of markers.current) marker.remove();
    const next = [new Marker({ element: caseMarker(scene.case.caseNo) }).setLngLat([scene.case.lng, scene.case.lat])];
    const points: [number, number][] = [[scene.case.lng, scene.case.lat]];
    for (const person of scene.staff) {
      if (!person.position) continue;
      const label = person.onDuty ? formatDistance(person.distanceM) : `${formatDistance(person.distanceM)} 离岗`;
      const element = staffMarker(person.name, label, TONES[person.availability]);
      next.push(new Marker({ element }).setLngLat([person.position.lng, person.position.lat]));
      if (person.onDuty && (person.distanceM ?? Infinity) < 3000)
        points.push([person.position.lng, person.position.lat]);
    }
    for (const marker of next) marker.addTo(map);
    markers.current = next;
    if (!fitted.current) {
      fitted.current = true;
      const lngs = points.map((p) => p[0]);
      const lats = points.map((p) => p[1]);
      const pad = 0.002;
      map.fitBounds(
        [
          [Math.min(...lngs) - pad, Math.min(...lats) - pad],
          [Math.max(...lngs) + pad, Math.max(...lats) + pad],
        ],
        { padding: 60, maxZoom: 17, duration: 0 },
      );
    }
  }, [scene]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      const source = map.getSource('command-track');
      if (source && 'setData' in source) {
        (source as { setData: (d: GeoJSON.GeoJSON) => void }).setData({
          type: 'FeatureCollection',
          features:
            track && track.length > 1
              ? [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...track] } }]
              : [],
        });
      }
    };
    // isStyleLoaded() is false again while tiles load; the source itself says whether 'load' has run.
    if (map.getSource('command-track')) apply();
    else map.once('load', apply);
  }, [track]);

  return <section ref={container} aria-label="指挥地图" style={{ position: 'absolute', inset: 0 }} />;
}
