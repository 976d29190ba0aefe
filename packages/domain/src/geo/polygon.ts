/**
 * Polygons drawn on the case map (框选): a ring of [lng, lat] vertices, closed or not.
 * Pure rules, shared by the BFF (the server-side filter) and the web app (the drawing).
 */
export type LngLat = readonly [number, number];
export type Ring = readonly LngLat[];

/** West, south, east, north. */
export type Bbox = readonly [number, number, number, number];

/** Most vertices a drawn polygon may have (a hand-drawn outline needs a few dozen). */
export const MAX_POLYGON_VERTICES = 200;

/** The ring without a repeated closing vertex. */
export function openRing(ring: Ring): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) return ring.slice(0, -1);
  return ring;
}

/** The smallest box around the ring (what the SQL prefilter uses). */
export function bboxOf(ring: Ring): Bbox {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const [lng, lat] of ring) {
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}

/** Twice the signed area (shoelace); zero for a ring whose vertices lie on one line. */
function doubledArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as LngLat;
    const [x2, y2] = ring[(i + 1) % ring.length] as LngLat;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** Why a drawn ring cannot be used as a filter, in Chinese; null when it can. */
export function polygonProblem(ring: Ring): string | null {
  const open = openRing(ring);
  if (open.length < 3) return '框选区域至少需要 3 个顶点';
  if (open.length > MAX_POLYGON_VERTICES) return `框选区域最多 ${MAX_POLYGON_VERTICES} 个顶点`;
  if (open.some(([lng, lat]) => !Number.isFinite(lng) || !Number.isFinite(lat))) return '框选区域的坐标无效';
  if (Math.abs(doubledArea(open)) < 1e-12) return '框选区域面积为零，请重新绘制';
  return null;
}

/** Whether a point lies on the segment a–b (within a tiny tolerance for float coordinates). */
function onSegment(point: LngLat, a: LngLat, b: LngLat): boolean {
  const [px, py] = point;
  const [ax, ay] = a;
  const [bx, by] = b;
  const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  if (Math.abs(cross) > 1e-12) return false;
  return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
}

/**
 * Whether a point lies inside the ring or on its edge (even–odd rule, so a ring that
 * crosses itself counts the parts covered an odd number of times). Planar on lng/lat,
 * which is exact enough for a city-sized outline drawn by hand.
 */
export function pointInPolygon(point: LngLat, ring: Ring): boolean {
  const open = openRing(ring);
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = open.length - 1; i < open.length; j = i++) {
    const a = open[i] as LngLat;
    const b = open[j] as LngLat;
    if (onSegment(point, a, b)) return true;
    const [xi, yi] = a;
    const [xj, yj] = b;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies in the box, edges included. */
export function pointInBbox([lng, lat]: LngLat, [west, south, east, north]: Bbox): boolean {
  return lng >= west && lng <= east && lat >= south && lat <= north;
}
