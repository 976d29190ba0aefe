import { DomainError, type DomainErrorKind } from '@citygov/domain/errors';
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

/** The one mapping from domain errors to tRPC errors; anything else passes through. */
export function toTrpcError(error: unknown): unknown {
  if (error instanceof DomainError) {
    return new TRPCError({ code: CODE_OF[error.kind], message: error.message, cause: error });
  }
  return error;
}

/** Postgres unique violations surface as a readable conflict instead of a 500. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current === 'object' && 'code' in current && (current as { code: unknown }).code === '23505') {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
