import type { CircleLayerSpecification } from 'maplibre-gl';

/** Case pins on top of the basemap (desk list, case detail, intake pick). */
export const PIN_SOURCE = 'case-pins';

/** Pin colour by the case's deadline level; a picked point (intake) is orange. */
export const PIN_COLORS = {
  normal: '#389e0d',
  warning: '#d48806',
  overdue: '#cf1322',
  paused: '#8c8c8c',
  none: '#1558b0',
  picked: '#fa541c',
} as const;

export type PinTone = keyof typeof PIN_COLORS;

export const pinHaloLayer: CircleLayerSpecification = {
  id: 'case-pin-halo',
  type: 'circle',
  source: PIN_SOURCE,
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 7, 16, 12],
    'circle-color': '#ffffff',
    'circle-opacity': 0.9,
  },
};

export const pinLayer: CircleLayerSpecification = {
  id: 'case-pin',
  type: 'circle',
  source: PIN_SOURCE,
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 5, 16, 9],
    'circle-color': [
      'match',
      ['get', 'tone'],
      'warning',
      PIN_COLORS.warning,
      'overdue',
      PIN_COLORS.overdue,
      'paused',
      PIN_COLORS.paused,
      'none',
      PIN_COLORS.none,
      'picked',
      PIN_COLORS.picked,
      PIN_COLORS.normal,
    ],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1.5,
  },
};
