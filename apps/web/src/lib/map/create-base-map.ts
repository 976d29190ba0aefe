import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import { buildMapStyle } from './basemap-style';
import { MAP_LOCALE } from './map-locale';
import { MAP_FONT_FAMILY, RASTER_TILE_URL } from './maplibre';

/**
 * The city map every screen starts from: the offline base style (optional raster tiles
 * underneath), local CJK fonts, Chinese control labels, zoom buttons and a metric scale.
 * Each component then adds its own sources and layers.
 */
export function createBaseMap(container: HTMLElement): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: buildMapStyle({ rasterTileUrl: RASTER_TILE_URL }),
    center: [120.2, 30.25],
    zoom: 11,
    maxZoom: 18,
    // Keeps the last frame readable for screenshots and printing.
    canvasContextAttributes: { preserveDrawingBuffer: true },
    localIdeographFontFamily: MAP_FONT_FAMILY,
    locale: MAP_LOCALE,
    attributionControl: RASTER_TILE_URL ? { compact: true } : false,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}
