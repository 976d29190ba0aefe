import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';

type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1];

export const CASE_SOURCE = 'wall-cases';
export const HEAT_SOURCE = 'wall-cases-heat';

/** The offline basemap recoloured for the dark wall (the same files and layers as the desk map). */
export function darkenBasemap(map: MapLibreMap) {
  const set = (layer: string, property: PaintProperty, value: string | number) => {
    if (map.getLayer(layer)) map.setPaintProperty(layer, property, value);
  };
  set('background', 'background-color', '#06142a');
  set('water-fill', 'fill-color', '#0c2a4d');
  set('district-fill', 'fill-color', '#0a1d38');
  set('district-fill', 'fill-opacity', 0.9);
  set('road-casing', 'line-color', '#0a1a33');
  set('road', 'line-color', '#1b3a63');
  set('street-line', 'line-color', '#1a3a66');
  set('district-line', 'line-color', '#3b6db3');
  for (const layer of ['water-label', 'road-label', 'street-label', 'district-label', 'grid-label']) {
    set(layer, 'text-color', '#8fa8cf');
    set(layer, 'text-halo-color', '#040b18');
  }
}

/**
 * Case layers, sized by the wall's scale (screen width / 1920): heat by density at low
 * zoom, clusters with their counts, and single cases (open ones bright, urgent ones red).
 */
export function caseLayers(scale: number): LayerSpecification[] {
  const s = (n: number) => n * scale;
  return [
    {
      id: 'wall-heat',
      type: 'heatmap',
      source: HEAT_SOURCE,
      maxzoom: 15,
      paint: {
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 9, s(14), 14, s(30)],
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 14, 1.4],
        'heatmap-opacity': 0.75,
        'heatmap-color': [
          'interpolate',
          ['linear'],
          ['heatmap-density'],
          0,
          'rgba(0,0,0,0)',
          0.2,
          '#1d4f91',
          0.45,
          '#36cfc9',
          0.7,
          '#ffc53d',
          1,
          '#ff4d4f',
        ],
      },
    },
    {
      id: 'wall-clusters',
      type: 'circle',
      source: CASE_SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': ['step', ['get', 'point_count'], '#3ba0ff', 20, '#ffc53d', 100, '#ff7a45'],
        'circle-radius': ['step', ['get', 'point_count'], s(12), 20, s(17), 100, s(23)],
        'circle-opacity': 0.85,
        'circle-stroke-color': '#e8f1ff',
        'circle-stroke-width': s(1.2),
      },
    },
    {
      id: 'wall-cluster-count',
      type: 'symbol',
      source: CASE_SOURCE,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': ['Noto Sans Regular'],
        'text-size': s(12),
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#04101f' },
    },
    {
      id: 'wall-case',
      type: 'circle',
      source: CASE_SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['case', ['get', 'urgent'], '#ff4d4f', ['get', 'open'], '#36cfc9', '#5f7396'],
        'circle-radius': s(5),
        'circle-stroke-color': '#e8f1ff',
        'circle-stroke-width': s(0.8),
      },
    },
  ];
}

export interface WallPoint {
  lng: number;
  lat: number;
  open: boolean;
  urgent: boolean;
}

export function pointCollection(points: readonly WallPoint[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
      properties: { open: p.open, urgent: p.urgent },
    })),
  };
}
