import type {
  BackgroundLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  RasterLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';

/** Source ids: the static basemap files, the caller's grids and an optional raster layer. */
export const SOURCES = {
  districts: 'basemap-districts',
  streets: 'basemap-streets',
  roads: 'basemap-roads',
  water: 'basemap-water',
  grids: 'grids',
  gridLabels: 'grid-labels',
  raster: 'raster-tiles',
} as const;

/** The static basemap the seed writes to apps/web/public/basemap/. */
export const BASEMAP_FILES = {
  districts: '/basemap/districts.geojson',
  streets: '/basemap/streets.geojson',
  roads: '/basemap/roads.geojson',
  water: '/basemap/water.geojson',
} as const;

export const COLORS = {
  land: '#eef0ea',
  water: '#a9cbe8',
  waterText: '#3f6f9a',
  districtLine: '#6a5d8a',
  streetLine: '#9a93ad',
  road: '#ffffff',
  roadCasing: '#c9c4b8',
  gridFill: '#2f86c8',
  gridLine: '#1558b0',
  selected: '#f5a623',
  text: '#333333',
  halo: '#ffffff',
} as const;

const TEXT_FONT = ['Noto Sans Regular'];

export const backgroundLayer: BackgroundLayerSpecification = {
  id: 'background',
  type: 'background',
  paint: { 'background-color': COLORS.land },
};

export const rasterLayer: RasterLayerSpecification = {
  id: 'raster-tiles',
  type: 'raster',
  source: SOURCES.raster,
  paint: { 'raster-opacity': 0.9 },
};

export const waterFillLayer: FillLayerSpecification = {
  id: 'water-fill',
  type: 'fill',
  source: SOURCES.water,
  paint: { 'fill-color': COLORS.water },
};

/** Each district a faint tint of its own, so the city reads as four parts at low zoom. */
export const districtFillLayer: FillLayerSpecification = {
  id: 'district-fill',
  type: 'fill',
  source: SOURCES.districts,
  paint: {
    'fill-color': [
      'match',
      ['get', 'slug'],
      'linjiang',
      '#e4ecf7',
      'yunshan',
      '#e6f2e6',
      'hubin',
      '#f6efe1',
      '#f2e6ee',
    ],
    'fill-opacity': 0.7,
  },
};

export const roadCasingLayer: LineLayerSpecification = {
  id: 'road-casing',
  type: 'line',
  source: SOURCES.roads,
  layout: { 'line-join': 'round', 'line-cap': 'round' },
  paint: {
    'line-color': COLORS.roadCasing,
    'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 14, 9, 17, 22],
  },
};

export const roadLayer: LineLayerSpecification = {
  id: 'road',
  type: 'line',
  source: SOURCES.roads,
  layout: { 'line-join': 'round', 'line-cap': 'round' },
  paint: {
    'line-color': COLORS.road,
    'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 14, 7, 17, 18],
  },
};

export const gridFillLayer: FillLayerSpecification = {
  id: 'grid-fill',
  type: 'fill',
  source: SOURCES.grids,
  paint: { 'fill-color': COLORS.gridFill, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.06, 15, 0.12] },
};

export const gridLineLayer: LineLayerSpecification = {
  id: 'grid-line',
  type: 'line',
  source: SOURCES.grids,
  paint: {
    'line-color': COLORS.gridLine,
    'line-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.25, 14, 0.7],
    'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.3, 14, 0.8, 17, 1.5],
  },
};

/** The picked grid; its filter is set to the grid id on click. */
export const gridSelectedFillLayer: FillLayerSpecification = {
  id: 'grid-selected-fill',
  type: 'fill',
  source: SOURCES.grids,
  filter: ['==', ['get', 'id'], -1],
  paint: { 'fill-color': COLORS.selected, 'fill-opacity': 0.4 },
};

export const gridSelectedLineLayer: LineLayerSpecification = {
  id: 'grid-selected-line',
  type: 'line',
  source: SOURCES.grids,
  filter: ['==', ['get', 'id'], -1],
  paint: { 'line-color': COLORS.selected, 'line-width': 3 },
};

export const streetLineLayer: LineLayerSpecification = {
  id: 'street-line',
  type: 'line',
  source: SOURCES.streets,
  paint: { 'line-color': COLORS.streetLine, 'line-width': 1.2, 'line-dasharray': [3, 2] },
};

export const districtLineLayer: LineLayerSpecification = {
  id: 'district-line',
  type: 'line',
  source: SOURCES.districts,
  paint: { 'line-color': COLORS.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 15, 3] },
};

const textPaint = { 'text-color': COLORS.text, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 };

export const waterLabelLayer: SymbolLayerSpecification = {
  id: 'water-label',
  type: 'symbol',
  source: SOURCES.water,
  minzoom: 11,
  layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 13 },
  paint: { ...textPaint, 'text-color': COLORS.waterText },
};

export const roadLabelLayer: SymbolLayerSpecification = {
  id: 'road-label',
  type: 'symbol',
  source: SOURCES.roads,
  minzoom: 12.5,
  layout: {
    'symbol-placement': 'line',
    'text-field': ['get', 'name'],
    'text-font': TEXT_FONT,
    'text-size': 12,
  },
  paint: textPaint,
};

/** Grid labels only when a grid is big enough on screen to hold one. */
export const gridLabelLayer: SymbolLayerSpecification = {
  id: 'grid-label',
  type: 'symbol',
  source: SOURCES.gridLabels,
  minzoom: 14.5,
  layout: {
    'text-field': ['step', ['zoom'], ['get', 'shortName'], 16.5, ['get', 'name']],
    'text-font': TEXT_FONT,
    'text-size': 12,
    'text-max-width': 8,
  },
  paint: { ...textPaint, 'text-color': COLORS.gridLine },
};

export const streetLabelLayer: SymbolLayerSpecification = {
  id: 'street-label',
  type: 'symbol',
  source: SOURCES.streets,
  minzoom: 12,
  maxzoom: 14.5,
  layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 13 },
  paint: textPaint,
};

export const districtLabelLayer: SymbolLayerSpecification = {
  id: 'district-label',
  type: 'symbol',
  source: SOURCES.districts,
  maxzoom: 12,
  layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 18 },
  paint: { ...textPaint, 'text-color': COLORS.districtLine, 'text-halo-width': 2 },
};

/** Basemap layers below the grids, then the grids, then outlines and labels on top. */
export const LAYERS_BELOW_GRIDS = [waterFillLayer, districtFillLayer, roadCasingLayer, roadLayer] as const;
export const GRID_LAYERS = [gridFillLayer, gridLineLayer, gridSelectedFillLayer, gridSelectedLineLayer] as const;
export const LAYERS_ABOVE_GRIDS = [
  streetLineLayer,
  districtLineLayer,
  waterLabelLayer,
  roadLabelLayer,
  gridLabelLayer,
  streetLabelLayer,
  districtLabelLayer,
] as const;

export const CLICKABLE_LAYER = gridFillLayer.id;
