import { DomainError, type ErrorCode } from '@citygov/domain/errors';
import type { Permission } from '@citygov/domain/permissions';
import { initTRPC } from '@trpc/server';
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

export const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // Stack traces (absolute paths) go into error answers only under `pnpm dev`, never in start mode or tests.
    isDev: isDevelopment(),
    // Clients branch on data.appCode (stable, see ERROR_CODES) and place data.fieldErrors beside fields.
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      if (cause instanceof ZodError) {
        return {
          ...shape,
          message: readableZodMessage(cause),
          data: { ...shape.data, appCode: 'FIELD_INVALID' as ErrorCode, fieldErrors: fieldErrorsOf(cause) },
        };
      }
      if (cause instanceof DomainError) {
        const fieldErrors = cause.field ? { [cause.field]: [cause.message] } : null;
        return { ...shape, data: { ...shape.data, appCode: cause.code, fieldErrors } };
      }
      return { ...shape, data: { ...shape.data, appCode: null as ErrorCode | null, fieldErrors: null } };
    },
  });
