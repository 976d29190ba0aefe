import type { ErrorCode } from '@citygov/domain/errors';
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from './trpc';

export type ApiError = TRPCClientError<AppRouter>;

export function isApiError(error: unknown): error is ApiError {
  return error instanceof TRPCClientError;
}

/** The tRPC error code (UNAUTHORIZED, FORBIDDEN, CONFLICT…), when the server sent one. */
export function apiErrorCode(error: unknown): string | undefined {
  return isApiError(error) ? error.data?.code : undefined;
}

/** The BFF's stable application code (CASE_STATE_CONFLICT, FIELD_INVALID…); branch on this, never on the message. */
export function apiAppCode(error: unknown): ErrorCode | null {
  return isApiError(error) ? (error.data?.appCode ?? null) : null;
}

export function isUnauthorized(error: unknown): boolean {
  return apiErrorCode(error) === 'UNAUTHORIZED';
}

/** A message a user can read: the server's own message, or a Chinese fallback for transport failures. */
export function apiErrorMessage(error: unknown, fallback = '操作失败，请稍后重试'): string {
  if (isApiError(error)) {
    if (!error.data) return '无法连接服务器，请检查网络后重试';
    if (error.data.code === 'INTERNAL_SERVER_ERROR') return '服务器内部错误，请稍后重试';
    return error.message || fallback;
  }
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

/** Per-field validation messages from the BFF's error formatter (flattened zod issues). */
export function apiFieldErrors(error: unknown): Record<string, string[]> {
  if (!isApiError(error)) return {};
  return error.data?.fieldErrors ?? {};
}
