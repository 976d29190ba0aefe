/**
 * Base-map drawing layers for the demo city (district and street outlines, main
 * roads, the river and the lake), derived from the same lattice as the areas so
 * roads run along grid boundaries. Pure and deterministic: no I/O.
 */
import { type DemoCityGeography, LATTICE_SPEC, type Lattice, type LngLat, latticeVertex } from './demo-city-geography';
import { round6 } from './round6';

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: number[][][];
}

export interface LineStringGeometry {
  type: 'LineString';
  coordinates: number[][];
}

export interface Feature<G, P> {
  type: 'Feature';
  properties: P;
  geometry: G;
}

export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

export interface DistrictProperties {
  name: string;
  code: string;
  slug: string;
}

export interface StreetProperties {
  name: string;
  code: string;
  districtCode: string;
  districtName: string;
}

export interface RoadProperties {
  name: string;
  /** `ring` for the 环城 roads, `arterial` for the main through roads. */
  kind: 'ring' | 'arterial';
}

export interface WaterProperties {
  name: string;
  kind: 'river' | 'lake';
}

export interface DemoBasemap {
  districts: FeatureCollection<PolygonGeometry, DistrictProperties>;
  streets: FeatureCollection<PolygonGeometry, StreetProperties>;
  roads: FeatureCollection<LineStringGeometry, RoadProperties>;
  water: FeatureCollection<PolygonGeometry, WaterProperties>;
}

/** A road along one lattice line: `row` lines run west → east, `col` lines south → north. */
interface RoadSpec extends RoadProperties {
  along: 'row' | 'col';
  line: number;
  from: number;
  to: number;
}

const ROADS: readonly RoadSpec[] = [
  { name: '环城北路', kind: 'ring', along: 'row', line: 36, from: 4, to: 56 },
  { name: '环城南路', kind: 'ring', along: 'row', line: 4, from: 4, to: 56 },
  { name: '环城西路', kind: 'ring', along: 'col', line: 4, from: 4, to: 36 },
  { name: '环城东路', kind: 'ring', along: 'col', line: 56, from: 4, to: 36 },
  { name: '人民大道', kind: 'arterial', along: 'row', line: 28, from: 0, to: 60 },
  { name: '建设路', kind: 'arterial', along: 'row', line: 12, from: 0, to: 60 },
  { name: '解放路', kind: 'arterial', along: 'col', line: 30, from: 0, to: 40 },
  { name: '中山路', kind: 'arterial', along: 'col', line: 20, from: 0, to: 40 },
  { name: '延安路', kind: 'arterial', along: 'col', line: 44, from: 0, to: 40 },
];

function roadLine(lattice: Lattice, road: RoadSpec): LngLat[] {
  const points: LngLat[] = [];
  for (let i = road.from; i <= road.to; i++) {
    points.push(road.along === 'row' ? latticeVertex(lattice, i, road.line) : latticeVertex(lattice, road.line, i));
  }
  return points;
}

const TAU = 2 * Math.PI;

/**
 * 云江: meanders west → east across the whole city around the lattice's middle
 * row (the line between the northern and southern districts).
 */
function riverRing(): LngLat[] {
  const { minLng, minLat, cols, rows, cellLng, cellLat } = LATTICE_SPEC;
  const width = cols * cellLng;
  const middleLat = minLat + (rows / 2) * cellLat;
  const samples = 120;
  const south: LngLat[] = [];
  const north: LngLat[] = [];
  for (let i = 0; i <= samples; i++) {
    const t = i / samples;
    const lng = minLng + t * width;
    const centre = middleLat + 0.0045 * Math.sin(TAU * 1.3 * t + 0.6) + 0.0015 * Math.sin(TAU * 3.1 * t + 1.9);
    const halfWidth = 0.0013 + 0.0003 * Math.sin(TAU * 2 * t + 0.3);
    south.push([round6(lng), round6(centre - halfWidth)]);
    north.push([round6(lng), round6(centre + halfWidth)]);
  }
  // Counter-clockwise: along the south bank eastwards, back along the north bank westwards.
  const ring = [...south, ...north.reverse()];
  const first = ring[0];
  if (first) ring.push(first);
  return ring;
}

/** 云湖: a wobbly ellipse in the south-western district (湖滨区). */
function lakeRing(): LngLat[] {
  const centreLng = 120.128;
  const centreLat = 30.2115;
  const samples = 72;
  const ring: LngLat[] = [];
  for (let i = 0; i < samples; i++) {
    const theta = (i / samples) * TAU;
    const wobble = 1 + 0.12 * Math.sin(3 * theta + 0.5) + 0.06 * Math.sin(5 * theta + 1.3);
    ring.push([
      round6(centreLng + 0.011 * wobble * Math.cos(theta)),
      round6(centreLat + 0.0075 * wobble * Math.sin(theta)),
    ]);
  }
  const first = ring[0];
  if (first) ring.push(first);
  return ring;
}

function polygon(coordinates: number[][][]): PolygonGeometry {
  return { type: 'Polygon', coordinates };
}

export function buildDemoBasemap(geography: DemoCityGeography): DemoBasemap {
  const districtByCode = new Map(geography.districts.map((d) => [d.code, d]));
  return {
    districts: {
      type: 'FeatureCollection',
      features: geography.districts.map((d) => ({
        type: 'Feature',
        properties: { name: d.name, code: d.code, slug: d.slug },
        geometry: polygon(d.boundary),
      })),
    },
    streets: {
      type: 'FeatureCollection',
      features: geography.streets.map((s) => {
        const district = s.parentCode ? districtByCode.get(s.parentCode) : undefined;
        if (!district) throw new Error(`street ${s.code} has no district`);
        return {
          type: 'Feature',
          properties: { name: s.name, code: s.code, districtCode: district.code, districtName: district.name },
          geometry: polygon(s.boundary),
        };
      }),
    },
    roads: {
      type: 'FeatureCollection',
      features: ROADS.map((road) => ({
        type: 'Feature',
        properties: { name: road.name, kind: road.kind },
        geometry: { type: 'LineString', coordinates: roadLine(geography.lattice, road) },
      })),
    },
    water: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '云江', kind: 'river' }, geometry: polygon([riverRing()]) },
        { type: 'Feature', properties: { name: '云湖', kind: 'lake' }, geometry: polygon([lakeRing()]) },
      ],
    },
  };
}
