import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../../trpc/procedures';
import { changeOwnPassword, ZChangePasswordInput } from './change-password';
import { login, logout, ZLoginInput } from './login';
import { toMe } from './me';
import { endOwnSession, listOwnSessions, SESSION_COOKIE } from './session-store';

export const authRouter = router({
  login: publicProcedure
    .meta({ auditSelf: true })
    .input(ZLoginInput)
    .mutation(async ({ ctx, input }) => {
      const { token, user } = await login(ctx.db, {
        ...input,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        config: ctx.config,
      });
      const maxAgeMs = input.kiosk ? ctx.config.wallKioskMaxMs : ctx.config.sessionMaxMs;
      ctx.cookies.set(SESSION_COOKIE, token, { maxAgeMs });
      return toMe(user);
    }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await logout(ctx.db, ctx.sessionId);
    ctx.cookies.clear(SESSION_COOKIE);
    return { ok: true as const };
  }),

  /** The password rules in force, for the forms that set one (also before signing in, when it has expired). */
  passwordPolicy: publicProcedure.query(({ ctx }) => ctx.config.passwordPolicy),

  /** 修改密码: needs the current password; logs itself (the throttle must count refusals). */
  changePassword: authedProcedure
    .meta({ auditSelf: true })
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) =>
      changeOwnPassword(ctx.db, ctx.user, input, { ip: ctx.ip, sessionId: ctx.sessionId, config: ctx.config }),
    ),

  /** The caller's open sessions (登录设备), the current one marked. */
  sessions: authedProcedure.query(({ ctx }) => listOwnSessions(ctx.db, ctx.user.id, ctx.sessionId)),

  /** Ends one of the caller's other sessions. */
  endSession: authedProcedure
    .input(z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, '会话标识无效') }))
    .mutation(({ ctx, input }) => endOwnSession(ctx.db, ctx.user.id, ctx.sessionId, input.id)),

  /** Null when signed out; `problem` says why a session ended (idle timeout, disabled). */
  me: publicProcedure.query(({ ctx }) => ({
    user: ctx.user ? toMe(ctx.user) : null,
    problem: ctx.user ? null : ctx.sessionProblem,
  })),
});
