import { areas } from '@citygov/db/schema/org';
import { NotFoundError } from '@citygov/domain/errors';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { permissionProcedure, router } from '../../trpc/procedures';
import { coversAreaPath, withinAreaScope } from '../org/api';
import { findGridAt } from './grid-lookup';

const ZLevel = z.object({ level: z.enum(['district', 'street', 'community', 'grid']) });

export const geoRouter = router({
  /** Area outlines of one level within the caller's scope, as a GeoJSON FeatureCollection. */
  areas: permissionProcedure('map.view')
    .input(ZLevel)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db
        .select({ id: areas.id, code: areas.code, name: areas.name, boundary: areas.boundary })
        .from(areas)
        .where(and(eq(areas.level, input.level), withinAreaScope(ctx.user, areas.path)))
        .orderBy(asc(areas.code));
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((row) => ({
          type: 'Feature' as const,
          id: row.id,
          properties: { id: row.id, code: row.code, name: row.name },
          geometry: { type: 'Polygon' as const, coordinates: row.boundary ?? [] },
        })),
      };
    }),

  /**
   * The unit grid at a point: what intake uses to fill grid and area from a map pick.
   * Anyone may report anywhere in the city, so a grid outside the caller's own area is
   * returned too, flagged, rather than refused.
   */
  gridAt: permissionProcedure('map.view')
    .input(z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }))
    .query(async ({ ctx, input }) => {
      const grid = await findGridAt(ctx.db, input.lng, input.lat);
      if (!grid) throw new NotFoundError('该位置不在本市范围内');
      return { id: grid.id, code: grid.code, name: grid.name, inScope: coversAreaPath(ctx.user, grid.path) };
    }),

  /** Where the map opens: the centre and bounds of the caller's own area. */
  home: permissionProcedure('map.view').query(async ({ ctx }) => {
    const [area] = await ctx.db.select().from(areas).where(eq(areas.id, ctx.user.areaId));
    if (!area) throw new NotFoundError('区域不存在');
    return {
      name: area.name,
      bounds: [area.minLng, area.minLat, area.maxLng, area.maxLat] as const,
      center: [area.centerLng, area.centerLat] as const,
    };
  }),
});
