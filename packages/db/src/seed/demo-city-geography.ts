/**
 * The demo city's administrative geography, generated from a jittered lattice.
 * Pure and deterministic: no I/O, no Math.random. Every area is a block of
 * lattice cells and cells share vertices, so the areas of one level tile the
 * city exactly (no gaps, no overlaps) while still looking irregular.
 *
 *   city 60×40 cells → 4 districts (30×20) → 6 streets each (10×10)
 *   → 4 communities each (5×5) → 25 unit grids each (1 cell).
 */
import type { AreaLevel } from '@citygov/domain/data-scope';
import { formatGridCode } from '@citygov/domain/grid-code';
import { seededRandom } from '@citygov/domain/seeded-random';
import type { PolygonCoordinates } from '../schema/org';
import { DEMO_CITY, DEMO_DISTRICTS } from './demo-districts';
import { COMMUNITY_NAMES, STREET_NAMES } from './demo-place-names';
import { round6 } from './round6';

export type LngLat = [number, number];

export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** The lattice before jitter: cell (col, row) spans [col, col+1] × [row, row+1]; row 0 is the south edge. */
export const LATTICE_SPEC = {
  cols: 60,
  rows: 40,
  minLng: 120.08,
  minLat: 30.18,
  cellLng: 0.004,
  cellLat: 0.0035,
  /** Largest jitter of an interior vertex, as a fraction of the cell size. */
  jitter: 0.22,
} as const;

export const DEFAULT_GEOGRAPHY_SEED = 20260330;

export interface Lattice {
  cols: number;
  rows: number;
  /** (cols+1)×(rows+1) vertices, row-major from the south-west corner: index = row*(cols+1)+col. */
  vertices: LngLat[];
}

/** A rectangular block of lattice cells. */
export interface CellBlock {
  col0: number;
  row0: number;
  cols: number;
  rows: number;
}

export interface DemoArea {
  level: AreaLevel;
  code: string;
  name: string;
  parentCode: string | null;
  /** GeoJSON Polygon coordinates: one closed, counter-clockwise exterior ring. */
  boundary: PolygonCoordinates;
  /** Area centroid of the ring. */
  center: LngLat;
  bbox: BBox;
  block: CellBlock;
}

export interface DemoDistrictArea extends DemoArea {
  slug: string;
}

export interface DemoCityGeography {
  lattice: Lattice;
  city: DemoArea;
  districts: DemoDistrictArea[];
  streets: DemoArea[];
  communities: DemoArea[];
  grids: DemoArea[];
}

export function latticeVertex(lattice: Lattice, col: number, row: number): LngLat {
  const v = lattice.vertices[row * (lattice.cols + 1) + col];
  if (!v) throw new RangeError(`no lattice vertex at col ${col}, row ${row}`);
  return v;
}

/**
 * Interior vertices move up to `jitter` of a cell in both axes; boundary vertices
 * slide only along their bbox edge; the four corners stay put.
 */
export function buildLattice(seed: number): Lattice {
  const { cols, rows, minLng, minLat, cellLng, cellLat, jitter } = LATTICE_SPEC;
  const random = seededRandom(seed);
  const vertices: LngLat[] = [];
  for (let row = 0; row <= rows; row++) {
    for (let col = 0; col <= cols; col++) {
      // Always draw both numbers so the sequence does not depend on position.
      const dx = (random() * 2 - 1) * jitter * cellLng;
      const dy = (random() * 2 - 1) * jitter * cellLat;
      const onVerticalEdge = col === 0 || col === cols;
      const onHorizontalEdge = row === 0 || row === rows;
      const lng = minLng + col * cellLng + (onVerticalEdge ? 0 : dx);
      const lat = minLat + row * cellLat + (onHorizontalEdge ? 0 : dy);
      vertices.push([round6(lng), round6(lat)]);
    }
  }
  return { cols, rows, vertices };
}

/** The block's outer perimeter through every lattice vertex on it, counter-clockwise, closed. */
export function blockRing(lattice: Lattice, block: CellBlock): LngLat[] {
  const { col0, row0, cols, rows } = block;
  const col1 = col0 + cols;
  const row1 = row0 + rows;
  const ring: LngLat[] = [];
  for (let c = col0; c < col1; c++) ring.push(latticeVertex(lattice, c, row0)); // south edge, west → east
  for (let r = row0; r < row1; r++) ring.push(latticeVertex(lattice, col1, r)); // east edge, south → north
  for (let c = col1; c > col0; c--) ring.push(latticeVertex(lattice, c, row1)); // north edge, east → west
  for (let r = row1; r > row0; r--) ring.push(latticeVertex(lattice, col0, r)); // west edge, north → south
  ring.push(latticeVertex(lattice, col0, row0));
  return ring;
}

/** Splits a block into nx × ny equal sub-blocks in map reading order (north row first, west to east). */
export function splitBlock(block: CellBlock, nx: number, ny: number): CellBlock[] {
  const cols = block.cols / nx;
  const rows = block.rows / ny;
  if (!Number.isInteger(cols) || !Number.isInteger(rows)) {
    throw new RangeError(`cannot split ${block.cols}×${block.rows} cells into ${nx}×${ny}`);
  }
  const parts: CellBlock[] = [];
  for (let y = ny - 1; y >= 0; y--) {
    for (let x = 0; x < nx; x++) {
      parts.push({ col0: block.col0 + x * cols, row0: block.row0 + y * rows, cols, rows });
    }
  }
  return parts;
}

/** Signed shoelace area (positive for counter-clockwise), computed relative to the first vertex for precision. */
export function ringArea(ring: readonly LngLat[]): number {
  const origin = ring[0];
  if (!origin) return 0;
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (!a || !b) continue;
    twice += (a[0] - origin[0]) * (b[1] - origin[1]) - (b[0] - origin[0]) * (a[1] - origin[1]);
  }
  return twice / 2;
}

function ringCentroid(ring: readonly LngLat[]): LngLat {
  const origin = ring[0];
  if (!origin) throw new RangeError('empty ring');
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (!a || !b) continue;
    const ax = a[0] - origin[0];
    const ay = a[1] - origin[1];
    const bx = b[0] - origin[0];
    const by = b[1] - origin[1];
    const cross = ax * by - bx * ay;
    twiceArea += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  return [round6(origin[0] + cx / (3 * twiceArea)), round6(origin[1] + cy / (3 * twiceArea))];
}

function ringBBox(ring: readonly LngLat[]): BBox {
  let minLng = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLng = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const [lng, lat] of ring) {
    minLng = Math.min(minLng, lng);
    minLat = Math.min(minLat, lat);
    maxLng = Math.max(maxLng, lng);
    maxLat = Math.max(maxLat, lat);
  }
  return { minLng, minLat, maxLng, maxLat };
}

function makeArea(
  lattice: Lattice,
  block: CellBlock,
  fields: { level: AreaLevel; code: string; name: string; parentCode: string | null },
): DemoArea {
  const ring = blockRing(lattice, block);
  return { ...fields, boundary: [ring], center: ringCentroid(ring), bbox: ringBBox(ring), block };
}

function pick<T>(list: readonly T[], index: number, what: string): T {
  const value = list[index];
  if (value === undefined) throw new RangeError(`no ${what} #${index}`);
  return value;
}

const pad3 = (n: number) => String(n).padStart(3, '0');
const pad2 = (n: number) => String(n).padStart(2, '0');

export function generateDemoCity(seed: number = DEFAULT_GEOGRAPHY_SEED): DemoCityGeography {
  const lattice = buildLattice(seed);
  const cityBlock: CellBlock = { col0: 0, row0: 0, cols: lattice.cols, rows: lattice.rows };
  const city = makeArea(lattice, cityBlock, {
    level: 'city',
    code: DEMO_CITY.code,
    name: DEMO_CITY.name,
    parentCode: null,
  });

  const districts: DemoDistrictArea[] = [];
  const streets: DemoArea[] = [];
  const communities: DemoArea[] = [];
  const grids: DemoArea[] = [];

  splitBlock(cityBlock, 2, 2).forEach((districtBlock, d) => {
    const info = pick(DEMO_DISTRICTS, d, 'district');
    districts.push({
      ...makeArea(lattice, districtBlock, {
        level: 'district',
        code: info.code,
        name: info.name,
        parentCode: city.code,
      }),
      slug: info.slug,
    });
    const streetNames = pick(STREET_NAMES, d, 'street name list');

    splitBlock(districtBlock, 3, 2).forEach((streetBlock, s) => {
      const streetCode = `${info.code}${pad3(s + 1)}`;
      streets.push(
        makeArea(lattice, streetBlock, {
          level: 'street',
          code: streetCode,
          name: pick(streetNames, s, 'street name'),
          parentCode: info.code,
        }),
      );

      splitBlock(streetBlock, 2, 2).forEach((communityBlock, c) => {
        const communityCode = `${streetCode}${pad3(c + 1)}`;
        const communityName = `${pick(COMMUNITY_NAMES, communities.length, 'community name')}社区`;
        communities.push(
          makeArea(lattice, communityBlock, {
            level: 'community',
            code: communityCode,
            name: communityName,
            parentCode: streetCode,
          }),
        );

        splitBlock(communityBlock, communityBlock.cols, communityBlock.rows).forEach((gridBlock, g) => {
          grids.push(
            makeArea(lattice, gridBlock, {
              level: 'grid',
              code: formatGridCode({ county: info.code, street: s + 1, community: c + 1, sequence: g + 1 }),
              name: `${info.name}${communityName}${pad2(g + 1)}号网格`,
              parentCode: communityCode,
            }),
          );
        });
      });
    });
  });

  return { lattice, city, districts, streets, communities, grids };
}
