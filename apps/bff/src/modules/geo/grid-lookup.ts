import type { Queryable } from '@citygov/db/client';
import { areas } from '@citygov/db/schema/org';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { polygon } from '@turf/helpers';
import { and, eq, gte, lte } from 'drizzle-orm';

/**
 * The unit grid containing a point: a bounding-box prefilter in SQL (areas_bbox_idx),
 * then an exact point-in-polygon test on the few candidates.
 */
export async function findGridAt(db: Queryable, lng: number, lat: number) {
  const candidates = await db
    .select()
    .from(areas)
    .where(
      and(
        eq(areas.level, 'grid'),
        lte(areas.minLng, lng),
        gte(areas.maxLng, lng),
        lte(areas.minLat, lat),
        gte(areas.maxLat, lat),
      ),
    );
  return candidates.find((grid) => grid.boundary && booleanPointInPolygon([lng, lat], polygon(grid.boundary))) ?? null;
}
