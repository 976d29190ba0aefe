import { DomainError, type ErrorCode } from '@citygov/domain/errors';
import type { Permission } from '@citygov/domain/permissions';
import { initTRPC, type TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError, z } from 'zod';
import { isDevelopment } from '../env';
import type { Context } from './context';

// Validation messages in Chinese, as the UI shows them to people.
z.config(z.locales.zhCN());

export interface ProcedureMeta {
  /** The permission a caller must hold; absent on public and self-service procedures. */
  permission?: Permission;
  /** Procedures that write their own audit rows (login must record failures that roll nothing back). */
  auditSelf?: boolean;
}

function readableZodMessage(error: ZodError): string {
  const first = error.issues[0];
  if (!first) return '输入有误';
  const field = first.path.length > 0 ? `${first.path.join('.')}：` : '';
  return `输入有误：${field}${first.message}`;
}

/** Messages per field keyed by the full path ("data.name"), so nested update forms can place them. */
function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/**
 * What a client reads for errors that carry no message of ours (tRPC's own parse and
 * routing errors are English and may echo the input; internal errors may hold SQL).
 */
const GENERIC_MESSAGES: Partial<Record<TRPCError['code'], string>> = {
  PARSE_ERROR: '请求内容无法解析，请检查格式后重试',
  BAD_REQUEST: '请求内容无法解析或格式不正确',
  NOT_FOUND: '请求的接口不存在',
  METHOD_NOT_SUPPORTED: '请求方式不正确',
  UNSUPPORTED_MEDIA_TYPE: '不支持的请求格式',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  TOO_MANY_REQUESTS: '请求过于频繁，请稍后再试',
  INTERNAL_SERVER_ERROR: '服务器内部错误，请稍后重试',
};
const HAN = /\p{Script=Han}/u;

/**
 * The message a client is shown (and the log records) for an error: zod issues made
 * readable, our own (Chinese) messages as they are, anything else — and every internal
 * error — a generic Chinese sentence, so no SQL, parameter or stack leaves the server.
 */
export function clientMessageOf(error: TRPCError): string {
  if (error.cause instanceof ZodError) return readableZodMessage(error.cause);
  if (error.code !== 'INTERNAL_SERVER_ERROR' && HAN.test(error.message)) return error.message;
  return GENERIC_MESSAGES[error.code] ?? '请求未能完成，请稍后重试';
}

export const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // Stack traces (absolute paths) go into error answers only under `pnpm dev`, never in start mode or tests.
    isDev: isDevelopment(),
    // Clients branch on data.appCode (stable, see ERROR_CODES) and place data.fieldErrors beside fields.
    errorFormatter({ shape, error }) {
      const { stack: _stack, ...data } = shape.data as typeof shape.data & { stack?: string };
      const message = clientMessageOf(error);
      const cause = error.cause;
      if (cause instanceof ZodError) {
        return {
          ...shape,
          message,
          data: { ...data, appCode: 'FIELD_INVALID' as ErrorCode, fieldErrors: fieldErrorsOf(cause) },
        };
      }
      if (cause instanceof DomainError && error.code !== 'INTERNAL_SERVER_ERROR') {
        const fieldErrors = cause.field ? { [cause.field]: [cause.message] } : null;
        return { ...shape, message, data: { ...data, appCode: cause.code, fieldErrors } };
      }
      return { ...shape, message, data: { ...data, appCode: null as ErrorCode | null, fieldErrors: null } };
    },
  });
