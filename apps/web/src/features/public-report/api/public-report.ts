import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import {
  fetchPlace,
  fetchProgress,
  fetchServices,
  fetchWebConfig,
  Open311ClientError,
  postReport,
  type ReportInput,
  uploadPhoto,
  type WebConfig,
} from './open311-client';

/** Refusals that will not change by asking again. */
const retryable = (count: number, error: unknown) =>
  !(error instanceof Open311ClientError && error.status >= 400 && error.status < 500) && count < 2;

export const webConfigQuery = queryOptions({
  queryKey: ['open311', 'web-config'],
  queryFn: fetchWebConfig,
  staleTime: 10 * 60_000,
  retry: retryable,
});

export function useWebConfig() {
  return useQuery(webConfigQuery);
}

/** The category list (GET services.json), cached for the visit. */
export function useServices(config: WebConfig | undefined) {
  return useQuery({
    queryKey: ['open311', 'services'],
    queryFn: () => fetchServices(config as WebConfig),
    enabled: Boolean(config),
    staleTime: 30 * 60_000,
    retry: retryable,
  });
}

/** A report's progress by its 查询码; refreshed when the page regains focus. */
export function usePublicProgress(code: string | null) {
  return useQuery({
    queryKey: ['open311', 'track', code],
    queryFn: () => fetchProgress(code ?? ''),
    enabled: Boolean(code),
    staleTime: 30_000,
    refetchOnWindowFocus: true,
    retry: retryable,
  });
}

/** A photo chosen for the report; its token once uploaded, so a retry does not send it again. */
export interface ChosenPhoto {
  key: string;
  file: File;
  previewUrl: string;
  token: string | null;
}

/** Uploads the photos not sent yet (one by one), then posts the report with their tokens. */
export function useSubmitReport(config: WebConfig | undefined) {
  return useMutation({
    mutationFn: async ({ input, photos }: { input: Omit<ReportInput, 'mediaTokens'>; photos: ChosenPhoto[] }) => {
      if (!config) throw new Open311ClientError(0, '页面尚未加载完成，请稍后重试');
      for (const [index, photo] of photos.entries()) {
        if (photo.token) continue;
        try {
          photo.token = await uploadPhoto(config, photo.file, photo.file.name || `photo-${index + 1}.jpg`);
        } catch (error) {
          const why = error instanceof Error ? error.message : '上传失败';
          throw new Open311ClientError(
            error instanceof Open311ClientError ? error.status : 0,
            `第 ${index + 1} 张照片上传失败：${why}`,
          );
        }
      }
      return postReport(config, { ...input, mediaTokens: photos.flatMap((p) => (p.token ? [p.token] : [])) });
    },
  });
}

/** The picked point's place name (街道、社区、网格), rounded so a small drag does not ask again. */
export function usePlaceName(point: { lat: number; lng: number } | null) {
  const lat = point ? Math.round(point.lat * 10_000) / 10_000 : null;
  const lng = point ? Math.round(point.lng * 10_000) / 10_000 : null;
  return useQuery({
    queryKey: ['open311', 'place', lat, lng],
    queryFn: () => fetchPlace(lat ?? 0, lng ?? 0),
    enabled: lat !== null && lng !== null,
    staleTime: 10 * 60_000,
    retry: retryable,
  });
}
