/**
 * Typed domain errors with messages a user can read (Chinese, shown as-is in the UI).
 * The BFF maps each kind to one HTTP/tRPC status in a single place.
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'forbidden' | 'validation' | 'unauthenticated' | 'locked';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(message = '记录不存在或无权查看') {
    super('not_found', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '没有执行此操作的权限') {
    super('forbidden', message);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string) {
    super('validation', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = '请先登录') {
    super('unauthenticated', message);
  }
}

export class AccountLockedError extends DomainError {
  constructor(message: string) {
    super('locked', message);
  }
}
