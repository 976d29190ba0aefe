import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../../lib/trpc';
import type { CaseMapFilters } from '../case-map-params';

type CaseMap = ReturnType<typeof useTRPC>['caseMap'];
export type CaseMapInput = inferInput<CaseMap['points']>;
export type CaseMapResult = inferOutput<CaseMap['points']>;
export type CaseMapPoint = CaseMapResult['points'][number];

const LONG = 10 * 60_000;

/** Case points of the filters in the caller's scope (off for accounts without case.view). */
export function useCaseMapPoints(filters: CaseMapFilters, enabled: boolean) {
  const trpc = useTRPC();
  const input: CaseMapInput = {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.statuses.length > 0 ? { statuses: filters.statuses } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.from && filters.to ? { from: filters.from, to: filters.to } : {}),
    ...(filters.polygon ? { polygon: filters.polygon } : {}),
  };
  return useQuery({
    ...trpc.caseMap.points.queryOptions(input, { placeholderData: keepPreviousData, staleTime: 30_000 }),
    enabled,
  });
}

/** Community outlines (社区) with their names, loaded when the layer is first shown. */
export function useCommunityOutlines(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.geo.areas.queryOptions({ level: 'community' }, { staleTime: LONG }), enabled });
}

/** 视频监控 cameras as GeoJSON points; only for accounts with video.view. */
export function useCameraPoints(enabled: boolean) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.video.cameras.queryOptions(undefined, { staleTime: 60_000 }), enabled });
  const data = useMemo<GeoJSON.FeatureCollection | undefined>(
    () =>
      query.data && {
        type: 'FeatureCollection',
        features: query.data.map((c) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [c.lng ?? 0, c.lat ?? 0] },
          properties: { name: c.name, online: c.online },
        })),
      },
    [query.data],
  );
  return { ...query, collection: data };
}

/** 物联设备 sensors as GeoJSON points; only for accounts with iot.view. */
export function useSensorPoints(enabled: boolean) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.iot.devices.queryOptions(undefined, { staleTime: 60_000 }), enabled });
  const data = useMemo<GeoJSON.FeatureCollection | undefined>(
    () =>
      query.data && {
        type: 'FeatureCollection',
        features: query.data.map((d) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [d.lng, d.lat] },
          properties: { name: d.name, online: d.online },
        })),
      },
    [query.data],
  );
  return { ...query, collection: data };
}
