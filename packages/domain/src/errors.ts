/**
 * Typed domain errors with messages a user can read (Chinese, shown as-is in the UI)
 * and a stable code the client branches on (never on the message text). The BFF maps
 * each kind to one HTTP/tRPC status in a single place and sends the code as
 * `error.data.appCode` (with `error.data.fieldErrors` naming the input field at fault, when one is).
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'forbidden' | 'validation' | 'unauthenticated' | 'locked';

/** Every code a client may see; add new ones here so the web can switch on them exhaustively. */
export const ERROR_CODES = [
  // generic, one per kind
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'ACCOUNT_LOCKED',
  // input
  'FIELD_INVALID',
  'REASON_REQUIRED',
  // cases
  'CASE_NOT_IN_SCOPE',
  'CASE_STATE_CONFLICT',
  'CASE_VERSION_CONFLICT',
  'ACTION_FORBIDDEN',
  'TASK_NOT_YOURS',
  'DUPLICATE_NAME',
  // sign-in and passwords
  'LOGIN_THROTTLED',
  'PASSWORD_POLICY',
  'PASSWORD_EXPIRED',
  // limits
  'RATE_LIMITED',
  'BATCH_TOO_LARGE',
  // settings that hold city-wide (city-settings.ts)
  'CITY_LEVEL_ONLY',
  // evaluation: a period's published result is frozen until recalculated on purpose
  'EVALUATION_PUBLISHED',
  'EVALUATION_NOT_PUBLISHED',
  // outside sign-in (浙政钉, 浙里办, SMS codes) and outside systems
  'SSO_DISABLED',
  'SSO_BIND_REQUIRED',
  'SMS_CODE_INVALID',
  'REMOTE_UNAVAILABLE',
  // 信息采集: a switched-off 二维码 takes no registrations; switching a code to the state it is in
  'QR_SWITCHED_OFF',
  'QR_STATE_CONFLICT',
  // 片长指挥: nobody to call, a call that is not (or no longer) open, one that timed out, a phone off duty
  'NO_AVAILABLE_STAFF',
  'CALL_NOT_OPEN',
  'CALL_EXPIRED',
  'OFF_DUTY',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DomainErrorOptions {
  code?: ErrorCode;
  /** The input field at fault, as its path in the procedure's input ("leadDepartmentId", "extension.amount"). */
  field?: string;
}

const DEFAULT_CODE: Record<DomainErrorKind, ErrorCode> = {
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  validation: 'VALIDATION_FAILED',
  unauthenticated: 'UNAUTHENTICATED',
  locked: 'ACCOUNT_LOCKED',
};

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = options.code ?? (options.field ? 'FIELD_INVALID' : DEFAULT_CODE[kind]);
    this.field = options.field ?? null;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = '记录不存在或无权查看', options?: DomainErrorOptions) {
    super('not_found', message, options);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super('conflict', message, options);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '没有执行此操作的权限', options?: DomainErrorOptions) {
    super('forbidden', message, options);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super('validation', message, options);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = '请先登录', options?: DomainErrorOptions) {
    super('unauthenticated', message, options);
  }
}

export class AccountLockedError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super('locked', message, options);
  }
}
