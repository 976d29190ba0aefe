import { useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useMemo } from 'react';
import { useTRPC } from '../trpc';

type Geo = ReturnType<typeof useTRPC>['geo'];
export type MapHome = inferOutput<Geo['home']>;
export type GridAt = inferOutput<Geo['gridAt']>;

export interface GridProperties {
  id: number;
  code: string;
  name: string;
  /** "07号网格": what fits on the map at medium zoom. */
  shortName: string;
}

export interface GridLayers {
  outlines: GeoJSON.FeatureCollection<GeoJSON.Polygon, GridProperties>;
  /** One point per grid, so a label is drawn once instead of once per tile the polygon crosses. */
  labels: GeoJSON.FeatureCollection<GeoJSON.Point, GridProperties>;
}

function ringCentre(ring: readonly number[][]): [number, number] {
  // The closing vertex repeats the first; leave it out of the average.
  const points = ring.length > 1 ? ring.slice(0, -1) : ring;
  let lng = 0;
  let lat = 0;
  for (const [x = 0, y = 0] of points) {
    lng += x;
    lat += y;
  }
  return [lng / Math.max(points.length, 1), lat / Math.max(points.length, 1)];
}

export function useMapHome() {
  const trpc = useTRPC();
  return useQuery(trpc.geo.home.queryOptions(undefined, { staleTime: 10 * 60_000 }));
}

/** The caller's unit grids as GeoJSON outlines plus label points. */
export function useGridAreas() {
  const trpc = useTRPC();
  const query = useQuery(trpc.geo.areas.queryOptions({ level: 'grid' }, { staleTime: 10 * 60_000 }));
  const layers = useMemo<GridLayers | undefined>(() => {
    if (!query.data) return undefined;
    const features = query.data.features.map((feature) => ({
      id: feature.id,
      coordinates: feature.geometry.coordinates,
      properties: { ...feature.properties, shortName: `${feature.properties.code.slice(-2)}号网格` },
    }));
    return {
      outlines: {
        type: 'FeatureCollection',
        features: features.map(({ id, coordinates, properties }) => ({
          type: 'Feature',
          id,
          geometry: { type: 'Polygon', coordinates },
          properties,
        })),
      },
      labels: {
        type: 'FeatureCollection',
        features: features.map(({ id, coordinates, properties }) => ({
          type: 'Feature',
          id,
          geometry: { type: 'Point', coordinates: ringCentre(coordinates[0] ?? []) },
          properties,
        })),
      },
    };
  }, [query.data]);
  return { ...query, layers };
}

/** The grid under a picked point; NOT_FOUND when the point is outside the city or the caller's scope. */
export function useGridAt(point: { lng: number; lat: number } | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.geo.gridAt.queryOptions(point ?? { lng: 0, lat: 0 }, { staleTime: 10 * 60_000 }),
    enabled: point !== null,
  });
}
