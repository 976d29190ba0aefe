import type { Queryable } from '@citygov/db/client';
import { areas } from '@citygov/db/schema/org';
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { findGridAt } from '../geo/api';
import { badRequest } from './open311-format';

export interface LngLat {
  lng: number;
  lat: number;
}

type AreaRow = typeof areas.$inferSelect;

/** Levels an address may name: a street is the coarsest place precise enough to send someone to. */
const ADDRESSABLE = ['street', 'community', 'grid'] as const;

/** A point inside an area that lies in one of its grids: its own centre if so, else its first grid's centre. */
async function pointIn(db: Queryable, area: AreaRow): Promise<LngLat | null> {
  if (area.centerLng !== null && area.centerLat !== null) {
    const grid = await findGridAt(db, area.centerLng, area.centerLat);
    if (grid?.path.startsWith(area.path)) return { lng: area.centerLng, lat: area.centerLat };
  }
  const [first] = await db
    .select()
    .from(areas)
    .where(and(eq(areas.level, 'grid'), like(areas.path, `${area.path}%`)))
    .orderBy(asc(areas.code))
    .limit(1);
  if (!first || first.centerLng === null || first.centerLat === null) return null;
  return { lng: first.centerLng, lat: first.centerLat };
}

/** address_id: the code of a unit grid (14 digits), community (12) or street (9). */
export async function locateAddressId(db: Queryable, addressId: string): Promise<LngLat> {
  const refused = badRequest(
    `address_id「${addressId.slice(0, 40)}」不是本市的网格、社区或街道编码 (address_id not found in this city)`,
  );
  if (!/^\d{9}(\d{3}(\d{2})?)?$/.test(addressId)) throw refused;
  const [area] = await db
    .select()
    .from(areas)
    .where(and(eq(areas.code, addressId), inArray(areas.level, [...ADDRESSABLE])));
  const point = area ? await pointIn(db, area) : null;
  if (!point) throw refused;
  return point;
}

/**
 * address_string: the most precise place of ours it names — a unit grid, else a
 * community, else a street (names are unique city-wide). Refused when none is named.
 */
export async function locateAddressString(db: Queryable, address: string): Promise<LngLat> {
  const [area] = await db
    .select()
    .from(areas)
    .where(and(inArray(areas.level, [...ADDRESSABLE]), sql`strpos(${address}, ${areas.name}) > 0`))
    .orderBy(
      sql`case ${areas.level} when 'grid' then 0 when 'community' then 1 else 2 end`,
      sql`length(${areas.name}) desc`,
    )
    .limit(1);
  const point = area ? await pointIn(db, area) : null;
  if (!point) {
    throw badRequest(
      '无法根据 address_string 确定位置：请写明所在街道或社区（如「望江街道」「翠苑社区」），或提供 lat/long (address_string could not be resolved)',
    );
  }
  return point;
}

/**
 * A readable address for a point nobody described, general to specific as Chinese
 * addresses are written: 临江区望江街道金桥社区附近 (null outside the city).
 */
export async function describePlace(db: Queryable, point: LngLat): Promise<string | null> {
  const grid = await findGridAt(db, point.lng, point.lat);
  if (!grid) return null;
  // Path "/city/district/street/community/grid/": the three levels between city and grid.
  const ids = grid.path.split('/').filter(Boolean).map(Number).slice(1, 4);
  const rows = await db.select({ id: areas.id, name: areas.name }).from(areas).where(inArray(areas.id, ids));
  const names = ids.map((id) => rows.find((row) => row.id === id)?.name ?? '');
  return `${names.join('')}附近`;
}
