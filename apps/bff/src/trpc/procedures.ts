import type { Database } from '@citygov/db/client';
import { ForbiddenError, UnauthenticatedError } from '@citygov/domain/errors';
import type { Permission } from '@citygov/domain/permissions';
import { TRPCError } from '@trpc/server';
import { redactInput, writeAudit } from '../modules/audit/write-audit';
import { toTrpcError } from './error-mapping';
import { t } from './init';

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors thrown anywhere below become tRPC errors with the right status. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTrpcError(result.error.cause ?? result.error);
    if (mapped instanceof TRPCError) throw mapped;
  }
  return result;
});

class Rollback extends Error {}

/**
 * Every mutation runs in one transaction and writes its audit row inside it, so a
 * change and its log entry commit or vanish together. Failures are logged outside
 * the rolled-back transaction so refused attempts stay visible.
 */
const auditedTransaction = t.middleware(async ({ ctx, type, path, meta, next, getRawInput }) => {
  if (type !== 'mutation' || meta?.auditSelf) return next();
  const user = ctx.user;
  const base = {
    userId: user?.id ?? null,
    username: user?.username ?? null,
    action: path,
    ip: ctx.ip,
    areaPath: user?.areaPath ?? null,
  };
  const detail = redactInput(await getRawInput().catch(() => undefined));
  type Result = Awaited<ReturnType<typeof next>>;
  const outcome: { failed: Result | null } = { failed: null };
  const committed: (() => void)[] = [];
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const result = await next({
        ctx: { db: tx as unknown as Database, afterCommit: (task: () => void) => committed.push(task) },
      });
      if (!result.ok) {
        outcome.failed = result;
        throw new Rollback();
      }
      await writeAudit(tx, { ...base, outcome: 'ok', detail });
      return result;
    });
    for (const task of committed) task();
    return result;
  } catch (error) {
    const failed = outcome.failed;
    if (!(error instanceof Rollback) || !failed || failed.ok) throw error;
    const code = failed.error.code;
    await writeAudit(ctx.db, {
      ...base,
      outcome: code === 'FORBIDDEN' || code === 'UNAUTHORIZED' ? 'denied' : 'failed',
      detail: { ...detail, error: failed.error.message },
    });
    return failed;
  }
});

export const publicProcedure = t.procedure.use(auditedTransaction).use(mapDomainErrors);

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw toTrpcError(new UnauthenticatedError(ctx.sessionProblem ?? '请先登录')) as TRPCError;
  return next({ ctx: { user: ctx.user } });
});

/** Any signed-in user (self-service: who am I, log out, my home). */
export const authedProcedure = publicProcedure.use(requireUser);

/**
 * A procedure that needs one permission from the registry. The permission is also
 * recorded as meta so the permission-matrix test can check every procedure.
 */
export function permissionProcedure(permission: Permission) {
  return authedProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!ctx.user.permissions.has(permission)) {
      throw toTrpcError(new ForbiddenError(`没有权限：需要「${permission}」权限`)) as TRPCError;
    }
    return next();
  });
}
