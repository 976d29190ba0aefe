import type { Map as MapLibreMap } from 'maplibre-gl';

type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1];

/** The basemap's label sizes (lib/map/layers.ts), scaled with the screen. */
const LABEL_SIZES = { 'water-label': 13, 'road-label': 12, 'street-label': 13, 'district-label': 18 } as const;

/**
 * The offline basemap recoloured for a dark screen (the wall): the same files and layers
 * as the desk map, navy ground, district outlines bright enough to read from the hall.
 */
export function darkenBasemap(map: MapLibreMap, scale = 1) {
  const set = (layer: string, property: PaintProperty, value: Parameters<MapLibreMap['setPaintProperty']>[2]) => {
    if (map.getLayer(layer)) map.setPaintProperty(layer, property, value);
  };
  set('background', 'background-color', '#06142a');
  set('water-fill', 'fill-color', '#0c2a4d');
  set('district-fill', 'fill-color', '#0a1d38');
  set('district-fill', 'fill-opacity', 0.9);
  set('road-casing', 'line-color', '#0a1a33');
  set('road', 'line-color', '#1b3a63');
  set('street-line', 'line-color', '#1a3a66');
  set('district-line', 'line-color', '#4f86d9');
  for (const layer of ['water-label', 'road-label', 'street-label', 'district-label', 'grid-label']) {
    set(layer, 'text-color', '#8fa8cf');
    set(layer, 'text-halo-color', '#040b18');
  }
  set('district-line', 'line-width', ['interpolate', ['linear'], ['zoom'], 10, 1.8 * scale, 15, 3.5 * scale]);
  set('street-line', 'line-width', 1.2 * scale);
  for (const [layer, size] of Object.entries(LABEL_SIZES)) {
    if (map.getLayer(layer)) map.setLayoutProperty(layer, 'text-size', size * scale);
  }
}
