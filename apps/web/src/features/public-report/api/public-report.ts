import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import {
  fetchProgress,
  fetchServices,
  fetchWebConfig,
  Open311ClientError,
  postReport,
  type ReportInput,
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

export function useSubmitReport(config: WebConfig | undefined) {
  return useMutation({
    mutationFn: (input: ReportInput) => {
      if (!config) throw new Open311ClientError(0, '页面尚未加载完成，请稍后重试');
      return postReport(config, input);
    },
  });
}
