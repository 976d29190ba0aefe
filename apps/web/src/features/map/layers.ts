import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  HeatmapLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';

/**
 * 案件地图's own sources and layer styles, on top of the offline basemap of
 * lib/map/layers.ts (districts, streets, roads, water, grids). The map component only
 * mounts these; the switches name groups of layer ids (LAYER_GROUPS below).
 */
export const CASE_MAP_SOURCES = {
  /** Case points, clustered. */
  cases: 'case-map-cases',
  /** The same points unclustered, for the heat layer. */
  heat: 'case-map-heat',
  communities: 'case-map-communities',
  cameras: 'case-map-cameras',
  sensors: 'case-map-sensors',
  /** The polygon being drawn or applied (框选). */
  drawn: 'case-map-drawn',
} as const;

/** A case point's colour: by where it is in the chain, red when its clock ran out. */
export const CASE_TONES = {
  pending: { color: '#1677ff', label: '待立案' },
  working: { color: '#fa8c16', label: '处置中' },
  closed: { color: '#52c41a', label: '已结案' },
  overdue: { color: '#cf1322', label: '已超期' },
  other: { color: '#8c8c8c', label: '作废/并案/挂账' },
} as const;
export type CaseTone = keyof typeof CASE_TONES;

const TEXT_FONT = ['Noto Sans Regular'];
const URGENT_RING = '#a8071a';

/** A device layer and its name label: cameras and sensors differ only in source and colours (grey when offline). */
function devicePointLayers(
  kind: string,
  source: string,
  color: string,
  labelColor: string,
): [CircleLayerSpecification, SymbolLayerSpecification] {
  return [
    {
      id: `case-map-${kind}`,
      type: 'circle',
      source,
      paint: {
        'circle-radius': 6,
        'circle-color': ['case', ['get', 'online'], color, '#bfbfbf'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: `case-map-${kind}-label`,
      type: 'symbol',
      source,
      minzoom: 15,
      layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 11, 'text-offset': [0, 1.2] },
      paint: { 'text-color': labelColor, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

/**
 * The case map's layers with symbol sizes multiplied by `scale` (1 on the desk; the wall's
 * screen width / 1920, so points and clusters keep their proportions on a 4K wall).
 */
export function caseMapLayerSet(scale = 1) {
  const s = (n: number) => n * scale;
  const clusterLayer: CircleLayerSpecification = {
    id: 'case-map-clusters',
    type: 'circle',
    source: CASE_MAP_SOURCES.cases,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': ['step', ['get', 'point_count'], '#4096ff', 20, '#faad14', 100, '#f5222d'],
      'circle-radius': ['step', ['get', 'point_count'], s(14), 20, s(19), 100, s(25)],
      'circle-opacity': 0.85,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': s(2),
    },
  };

  const clusterCountLayer: SymbolLayerSpecification = {
    id: 'case-map-cluster-count',
    type: 'symbol',
    source: CASE_MAP_SOURCES.cases,
    filter: ['has', 'point_count'],
    layout: {
      'text-field': ['get', 'point_count_abbreviated'],
      'text-font': TEXT_FONT,
      'text-size': s(13),
      'text-allow-overlap': true,
    },
    paint: { 'text-color': '#ffffff' },
  };

  /** Single cases: colour by tone, urgent ones larger with a dark red ring. */
  const casePointLayer: CircleLayerSpecification = {
    id: 'case-map-case',
    type: 'circle',
    source: CASE_MAP_SOURCES.cases,
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': [
        'match',
        ['get', 'tone'],
        'pending',
        CASE_TONES.pending.color,
        'working',
        CASE_TONES.working.color,
        'closed',
        CASE_TONES.closed.color,
        'overdue',
        CASE_TONES.overdue.color,
        CASE_TONES.other.color,
      ],
      'circle-radius': ['case', ['get', 'urgent'], s(9), s(7)],
      'circle-stroke-color': ['case', ['get', 'urgent'], URGENT_RING, '#ffffff'],
      'circle-stroke-width': ['case', ['get', 'urgent'], s(3), s(1.5)],
    },
  };

  /** The case picked on the map or in the list. */
  const caseSelectedLayer: CircleLayerSpecification = {
    id: 'case-map-case-selected',
    type: 'circle',
    source: CASE_MAP_SOURCES.cases,
    filter: ['==', ['get', 'id'], -1],
    paint: {
      'circle-radius': 13,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#f5a623',
      'circle-stroke-width': 3,
    },
  };

  const heatLayer: HeatmapLayerSpecification = {
    id: 'case-map-heat',
    type: 'heatmap',
    source: CASE_MAP_SOURCES.heat,
    maxzoom: 17,
    paint: {
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 10, s(12), 15, s(28)],
      'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 10, 0.7, 15, 1.5],
      'heatmap-opacity': 0.7,
      'heatmap-color': [
        'interpolate',
        ['linear'],
        ['heatmap-density'],
        0,
        'rgba(0,0,0,0)',
        0.2,
        '#91caff',
        0.45,
        '#36cfc9',
        0.7,
        '#ffc53d',
        1,
        '#f5222d',
      ],
    },
  };

  const communityLineLayer: LineLayerSpecification = {
    id: 'case-map-community-line',
    type: 'line',
    source: CASE_MAP_SOURCES.communities,
    paint: { 'line-color': '#13a8a8', 'line-width': 1.2, 'line-dasharray': [1, 1.5] },
  };

  const communityLabelLayer: SymbolLayerSpecification = {
    id: 'case-map-community-label',
    type: 'symbol',
    source: CASE_MAP_SOURCES.communities,
    minzoom: 13,
    layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 12 },
    paint: { 'text-color': '#08797a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  };

  const [cameraLayer, cameraLabelLayer] = devicePointLayers('camera', CASE_MAP_SOURCES.cameras, '#722ed1', '#531dab');
  const [sensorLayer, sensorLabelLayer] = devicePointLayers('sensor', CASE_MAP_SOURCES.sensors, '#08979c', '#006d75');

  const drawnFillLayer: FillLayerSpecification = {
    id: 'case-map-drawn-fill',
    type: 'fill',
    source: CASE_MAP_SOURCES.drawn,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': '#f5a623', 'fill-opacity': 0.12 },
  };

  const drawnLineLayer: LineLayerSpecification = {
    id: 'case-map-drawn-line',
    type: 'line',
    source: CASE_MAP_SOURCES.drawn,
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': '#d46b08', 'line-width': 2, 'line-dasharray': [2, 1] },
  };

  const drawnVertexLayer: CircleLayerSpecification = {
    id: 'case-map-drawn-vertex',
    type: 'circle',
    source: CASE_MAP_SOURCES.drawn,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 4,
      'circle-color': '#ffffff',
      'circle-stroke-color': '#d46b08',
      'circle-stroke-width': 2,
    },
  };
  return {
    clusterLayer,
    clusterCountLayer,
    casePointLayer,
    caseSelectedLayer,
    heatLayer,
    communityLineLayer,
    communityLabelLayer,
    cameraLayer,
    cameraLabelLayer,
    sensorLayer,
    sensorLabelLayer,
    drawnFillLayer,
    drawnLineLayer,
    drawnVertexLayer,
  };
}

const DESK = caseMapLayerSet();
export const {
  clusterLayer,
  clusterCountLayer,
  casePointLayer,
  caseSelectedLayer,
  heatLayer,
  communityLineLayer,
  communityLabelLayer,
  cameraLayer,
  cameraLabelLayer,
  sensorLayer,
  sensorLabelLayer,
  drawnFillLayer,
  drawnLineLayer,
  drawnVertexLayer,
} = DESK;

/** Added in this order, above the basemap: heat under everything, the drawing on top. */
export function caseMapLayers(scale = 1) {
  const l = scale === 1 ? DESK : caseMapLayerSet(scale);
  return [
    l.heatLayer,
    l.communityLineLayer,
    l.communityLabelLayer,
    l.cameraLayer,
    l.cameraLabelLayer,
    l.sensorLayer,
    l.sensorLabelLayer,
    l.clusterLayer,
    l.clusterCountLayer,
    l.casePointLayer,
    l.caseSelectedLayer,
    l.drawnFillLayer,
    l.drawnLineLayer,
    l.drawnVertexLayer,
  ];
}
export const CASE_MAP_LAYERS = caseMapLayers();

/** The switches of 图层, in order: Chinese label, the layer ids they show, and whether on at start. */
export const LAYER_GROUPS = {
  grids: {
    label: '网格',
    layers: ['grid-fill', 'grid-line', 'grid-selected-fill', 'grid-selected-line', 'grid-label'],
    initial: true,
  },
  districts: { label: '区界', layers: ['district-fill', 'district-line', 'district-label'], initial: true },
  streets: { label: '街道', layers: ['street-line', 'street-label'], initial: true },
  communities: { label: '社区', layers: [communityLineLayer.id, communityLabelLayer.id], initial: false },
  cases: {
    label: '案件',
    layers: [clusterLayer.id, clusterCountLayer.id, casePointLayer.id, caseSelectedLayer.id],
    initial: true,
  },
  heat: { label: '热力', layers: [heatLayer.id], initial: false },
  cameras: { label: '视频监控', layers: [cameraLayer.id, cameraLabelLayer.id], initial: false },
  sensors: { label: '物联设备', layers: [sensorLayer.id, sensorLabelLayer.id], initial: false },
} as const satisfies Record<string, { label: string; layers: readonly string[]; initial: boolean }>;
export type LayerGroup = keyof typeof LAYER_GROUPS;
export const LAYER_GROUP_KEYS = Object.keys(LAYER_GROUPS) as LayerGroup[];

/** Clusters break up into single cases above this zoom. */
export const CLUSTER_MAX_ZOOM = 15;
