import { apiErrorCode, apiErrorMessage, isApiError } from '../../../lib/api-error';

/** Every request from the street pages gives up after this long, so a dead link never spins forever. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Why sending a report or an action failed, and whether trying again later can help. */
export interface SendFailure {
  /** Offline, timed out or a server fault: the draft is kept and 重试 is offered. */
  retryable: boolean;
  message: string;
  /** Someone else changed the case first (stale version or state). */
  conflict: boolean;
  /** The server refused the attachments themselves; they must be uploaded again. */
  attachmentsRejected: boolean;
}

/** A failed photo upload, with the HTTP status (0 when no answer came back). */
export class UploadFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'UploadFailure';
  }
}

function isTimeout(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  const names = [error, cause].map((e) => (e instanceof Error || e instanceof DOMException ? e.name : ''));
  return names.includes('TimeoutError') || names.includes('AbortError');
}

export function timeoutMessage(): string {
  return `网络连接超时（超过 ${REQUEST_TIMEOUT_MS / 1000} 秒无响应）`;
}

/** Sorts any error from an upload or a tRPC call into what the user can do about it. */
export function classifyFailure(error: unknown): SendFailure {
  const base = { retryable: false, conflict: false, attachmentsRejected: false };
  if (error instanceof UploadFailure) {
    const retryable = error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429;
    return { ...base, retryable, message: error.message };
  }
  if (isApiError(error)) {
    if (!error.data) {
      // No tRPC answer at all: offline, timed out, or a gateway's error page in front of the server.
      const message = isTimeout(error) ? timeoutMessage() : '无法连接服务器（网络中断或服务暂不可用）';
      return { ...base, retryable: true, message };
    }
    const code = apiErrorCode(error);
    if (code === 'INTERNAL_SERVER_ERROR' || (error.data.httpStatus ?? 0) >= 500) {
      return { ...base, retryable: true, message: '服务器暂时无法处理，请稍后重试' };
    }
    const message = apiErrorMessage(error);
    return {
      ...base,
      retryable: code === 'TOO_MANY_REQUESTS',
      conflict: code === 'CONFLICT',
      attachmentsRejected: code === 'BAD_REQUEST' && message.includes('附件'),
      message,
    };
  }
  if (isTimeout(error)) return { ...base, retryable: true, message: timeoutMessage() };
  if (error instanceof TypeError) return { ...base, retryable: true, message: '网络不可用，无法连接服务器' };
  return { ...base, message: error instanceof Error && error.message ? error.message : '发送失败，请稍后重试' };
}
