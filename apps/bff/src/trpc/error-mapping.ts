import { ConflictError, DomainError, type DomainErrorKind, ValidationError } from '@citygov/domain/errors';
import { TRPCError } from '@trpc/server';

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]['code'];

const CODE_OF: Record<DomainErrorKind, TrpcCode> = {
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  validation: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  locked: 'TOO_MANY_REQUESTS',
};

/**
 * The one mapping to tRPC errors: domain errors by kind, database errors that only bad
 * input can cause as 4xx with a Chinese message; anything else passes through and ends
 * as INTERNAL_SERVER_ERROR, whose text the error formatter replaces (never SQL to a client).
 */
export function toTrpcError(error: unknown): unknown {
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') return error;
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  if (cause instanceof DomainError) {
    return new TRPCError({ code: CODE_OF[cause.kind], message: cause.message, cause });
  }
  const fromInput = inputDatabaseError(cause);
  if (fromInput) {
    // The driver error (query text, parameters) stays server-side as the cause of the cause.
    Object.defineProperty(fromInput, 'cause', { value: cause, enumerable: false });
    return new TRPCError({ code: CODE_OF[fromInput.kind], message: fromInput.message, cause: fromInput });
  }
  return error;
}

/** The SQLSTATE of a database error anywhere in a cause chain (drizzle wraps the driver's error). */
export function sqlStateOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Postgres unique violations surface as a readable conflict instead of a 500. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23505';
}

/**
 * Database errors whose cause can only be the values sent: data exceptions (class 22:
 * bad text encoding, numbers or dates out of range), limits (class 54: nesting, sizes),
 * integrity rules (class 23) and lost races (40001, 40P01). Other errors are ours.
 */
function inputDatabaseError(error: unknown): DomainError | null {
  const state = sqlStateOf(error);
  if (!state) return null;
  if (state.startsWith('22')) return new ValidationError('输入的数据格式不正确或超出允许范围，请检查后重试');
  if (state.startsWith('54')) return new ValidationError('输入的数据过大或层级过深，请精简后重试');
  if (state === '23505') return new ConflictError('数据与已有记录重复，请检查后重试');
  if (state === '23503') return new ConflictError('相关记录不存在或仍被引用，操作未完成');
  if (state === '23502' || state === '23514') return new ValidationError('输入的数据不完整或不符合要求');
  if (state === '40001' || state === '40P01') return new ConflictError('操作与他人同时进行，请稍后重试');
  return null;
}
