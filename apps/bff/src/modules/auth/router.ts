import { PERMISSIONS, type Permission, ROLES } from '@citygov/domain/permissions';
import type { SessionUser } from '../../trpc/context';
import { authedProcedure, publicProcedure, router } from '../../trpc/procedures';
import { login, logout, ZLoginInput } from './login';
import { SESSION_COOKIE } from './session-store';

/** What the web app needs to know about the signed-in user. */
export function toMe(user: SessionUser) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleName: ROLES[user.role],
    position: user.position,
    areaId: user.areaId,
    areaName: user.areaName,
    areaLevel: user.areaLevel,
    departmentId: user.departmentId,
    departmentName: user.departmentName,
    permissions: [...user.permissions].filter((p): p is Permission => Object.hasOwn(PERMISSIONS, p)),
  };
}

export const authRouter = router({
  login: publicProcedure
    .meta({ auditSelf: true })
    .input(ZLoginInput)
    .mutation(async ({ ctx, input }) => {
      const { token, user } = await login(ctx.db, {
        ...input,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        lockoutMs: ctx.config.lockoutMs,
        sessionMaxMs: ctx.config.sessionMaxMs,
      });
      ctx.cookies.set(SESSION_COOKIE, token, { maxAgeMs: ctx.config.sessionMaxMs });
      return toMe(user);
    }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await logout(ctx.db, ctx.sessionId);
    ctx.cookies.clear(SESSION_COOKIE);
    return { ok: true as const };
  }),

  /** Null when signed out; `problem` says why a session ended (idle timeout, disabled). */
  me: publicProcedure.query(({ ctx }) => ({
    user: ctx.user ? toMe(ctx.user) : null,
    problem: ctx.user ? null : ctx.sessionProblem,
  })),
});
