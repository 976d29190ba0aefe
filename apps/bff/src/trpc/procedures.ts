import { ForbiddenError, UnauthenticatedError } from '@citygov/domain/errors';
import type { Permission } from '@citygov/domain/permissions';
import { TRPCError } from '@trpc/server';
import { auditedTransaction, auditRefusals } from './audit-middleware';
import { sqlStateOf, toTrpcError } from './error-mapping';
import { t } from './init';
import { InputRefusedError, inspectRawInput } from './input-border';
import { KIOSK_REFUSAL, kioskMayCall } from './kiosk';

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/**
 * Errors become tRPC errors with the right status (toTrpcError). Used twice: innermost,
 * so the audit middlewares see mapped codes, and outermost, as the net for errors raised
 * by the middlewares themselves (a failed commit).
 */
const mapErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = toTrpcError(result.error);
  if (!(mapped instanceof TRPCError) || mapped === result.error) return result;
  const state = sqlStateOf(result.error);
  // The client is told in Chinese what was wrong; the database's own words stay in the log.
  if (state) console.warn(`[trpc] ${path}: database refused the input (SQLSTATE ${state})`);
  throw mapped;
});

/**
 * The border (ASVS V5): every procedure's raw input, after superjson and before zod,
 * is one plain tree of JSON values and Dates with safe text, or the call is refused
 * with 400 FIELD_INVALID naming the field. See inspectRawInput.
 */
const checkInputBorder = t.middleware(async ({ next, getRawInput }) => {
  const problem = inspectRawInput(await getRawInput());
  if (problem) throw toTrpcError(new InputRefusedError(problem)) as TRPCError;
  return next();
});

export const publicProcedure = t.procedure
  .use(mapErrors)
  .use(auditRefusals)
  .use(checkInputBorder)
  .use(auditedTransaction)
  .use(mapErrors);

const requireUser = t.middleware(({ ctx, next, path }) => {
  if (!ctx.user) throw toTrpcError(new UnauthenticatedError(ctx.sessionProblem ?? '请先登录')) as TRPCError;
  if (ctx.user.kiosk && !kioskMayCall(path)) throw toTrpcError(new ForbiddenError(KIOSK_REFUSAL)) as TRPCError;
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
