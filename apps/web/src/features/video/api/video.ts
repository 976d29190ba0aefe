import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Video = ReturnType<typeof useTRPC>['video'];
export type VideoTree = inferOutput<Video['tree']>;
export type VideoChannel = VideoTree['channels'][number];
export type VideoDevice = VideoTree['devices'][number];
export type ViewerGrant = inferOutput<Video['play']>;
export type RecordItem = inferOutput<Video['records']>[number];
export type NearbyCamera = inferOutput<Video['nearCase']>[number];

/** 设备目录 with online state; refreshed every 15 s so 在线/离线 follows the devices. */
export function useVideoTree() {
  const trpc = useTRPC();
  return useQuery(trpc.video.tree.queryOptions(undefined, { refetchInterval: 15_000 }));
}

export function useNearbyCameras(caseId: number, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.video.nearCase.queryOptions({ caseId }, { enabled }));
}

export function usePlay() {
  const trpc = useTRPC();
  return useMutation(trpc.video.play.mutationOptions());
}

export function usePlayback() {
  const trpc = useTRPC();
  return useMutation(trpc.video.playback.mutationOptions());
}

export function useRelease() {
  const trpc = useTRPC();
  return useMutation(trpc.video.release.mutationOptions());
}

export function usePtz() {
  const trpc = useTRPC();
  return useMutation(trpc.video.ptz.mutationOptions());
}

export function useRecords(input: { deviceId: string; channelId: string; start: Date; end: Date } | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.video.records.queryOptions(
      input ?? { deviceId: '0'.repeat(20), channelId: '0'.repeat(20), start: new Date(0), end: new Date(1) },
      { enabled: input !== null, staleTime: 30_000 },
    ),
  );
}

/** 取流方式 of one device (null: the system default); the device tree shows the new value. */
export function useSetMediaTransport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.video.setMediaTransport.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.video.tree.pathFilter()),
    }),
  );
}
