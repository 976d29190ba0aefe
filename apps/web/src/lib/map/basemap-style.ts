import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import {
  BASEMAP_FILES,
  backgroundLayer,
  GRID_LAYERS,
  LAYERS_ABOVE_GRIDS,
  LAYERS_BELOW_GRIDS,
  rasterLayer,
  SOURCES,
} from './layers';

export const EMPTY_COLLECTION: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * An offline style: no glyph server, no sprite, no remote sources. The basemap is four
 * static GeoJSON files; a raster tile layer is added underneath only when configured.
 */
export function buildMapStyle({ rasterTileUrl }: { rasterTileUrl?: string | undefined }): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    [SOURCES.districts]: { type: 'geojson', data: BASEMAP_FILES.districts },
    [SOURCES.streets]: { type: 'geojson', data: BASEMAP_FILES.streets },
    [SOURCES.roads]: { type: 'geojson', data: BASEMAP_FILES.roads },
    [SOURCES.water]: { type: 'geojson', data: BASEMAP_FILES.water },
    [SOURCES.grids]: { type: 'geojson', data: EMPTY_COLLECTION },
    [SOURCES.gridLabels]: { type: 'geojson', data: EMPTY_COLLECTION },
  };
  const layers: LayerSpecification[] = [backgroundLayer];
  if (rasterTileUrl) {
    sources[SOURCES.raster] = { type: 'raster', tiles: [rasterTileUrl], tileSize: 256, maxzoom: 19 };
    layers.push(rasterLayer);
  }
  layers.push(...LAYERS_BELOW_GRIDS, ...GRID_LAYERS, ...LAYERS_ABOVE_GRIDS);
  return { version: 8, sources, layers };
}
