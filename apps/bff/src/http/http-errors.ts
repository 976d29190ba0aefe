import type { NextFunction, Request, Response } from 'express';

/**
 * The codes a plain-HTTP answer (attachments, probes, the SPA, refusals before tRPC)
 * may carry in `{ error: { code, message } }`. tRPC and Open311 keep their own formats.
 */
export type HttpErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_REFUSED'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RANGE_NOT_SATISFIABLE'
  | 'UNPROCESSABLE'
  | 'INTERNAL_ERROR';

const CODE_OF_STATUS: Readonly<Record<number, HttpErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  422: 'UNPROCESSABLE',
};

export function codeForStatus(status: number): HttpErrorCode {
  return CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
}

/** A refusal meant for the client: its status and a Chinese message shown as-is. */
export class HttpError extends Error {
  readonly code: HttpErrorCode;
  constructor(
    readonly status: number,
    message: string,
    code?: HttpErrorCode,
  ) {
    super(message);
    this.name = 'HttpError';
    this.code = code ?? codeForStatus(status);
  }
}

export const INTERNAL_ERROR_MESSAGE = '服务器内部错误，请稍后重试';

export function sendHttpError(res: Response, status: number, message: string, code = codeForStatus(status)): void {
  if (res.headersSent) return;
  // A file answer may have set these before failing; they must not describe the error body.
  for (const header of ['ETag', 'Last-Modified', 'Content-Disposition', 'Accept-Ranges']) res.removeHeader(header);
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).json({ error: { code, message } });
}

interface LibraryError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
}

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, statusCode } = error as LibraryError;
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value <= 599 ? value : null;
}

/**
 * Express, its router, body parsers and `send` report bad input as errors with a 4xx
 * status and an English message that may quote internals; the client gets a Chinese
 * one chosen by status instead.
 */
function clientMessage(status: number, error: unknown): string {
  if (error instanceof URIError) return '网址编码错误：请检查链接是否完整';
  if ((error as LibraryError).type === 'entity.parse.failed') return '请求内容格式错误，无法解析';
  switch (status) {
    case 404:
      return '请求的资源不存在';
    case 413:
      return '请求内容过大';
    case 415:
      return '不支持的请求内容类型或编码';
    case 416:
      return '请求的字节范围无效';
    default:
      return '请求格式错误';
  }
}

/** Only the path: query strings may carry personal data. */
function pathOf(req: Request): string {
  return req.originalUrl.split('?')[0] ?? '';
}

/** The last route: JSON 404 instead of express's HTML page. */
export function answerNotFound(_req: Request, res: Response): void {
  sendHttpError(res, 404, '接口不存在');
}

/**
 * The one express error handler. A 4xx from a library becomes a Chinese message with
 * its status; anything else is a bug: logged with its stack here, answered as a bare
 * 500, so no stack, SQL or file path ever reaches the client.
 */
export function answerError(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (res.headersSent) {
    // The answer is half-sent; all that is left is to cut it so the client sees it incomplete.
    console.error(`[http] ${req.method} ${pathOf(req)} failed while answering:`, error);
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendHttpError(res, error.status, error.message, error.code);
    return;
  }
  const status = statusOf(error);
  if (status !== null && status < 500) {
    sendHttpError(res, status, clientMessage(status, error));
    return;
  }
  console.error(`[http] ${req.method} ${pathOf(req)}:`, error);
  sendHttpError(res, 500, INTERNAL_ERROR_MESSAGE);
}
