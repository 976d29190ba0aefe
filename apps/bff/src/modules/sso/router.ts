import { z } from 'zod';
import { zLine } from '../../trpc/input-types';
import { publicProcedure, router } from '../../trpc/procedures';
import { SESSION_COOKIE, toMe } from '../auth/api';
import { CITIZEN_COOKIE, citizenOfToken } from './citizen-sessions';
import { requestSmsLoginCode, signInWithSmsCode, ZSmsCodeLoginInput, ZSmsCodeRequestInput } from './sms-login';
import { bindZzdAndSignIn, signInWithZzd } from './zzd-sign-in';

/**
 * Sign-in through outside systems: 浙政钉 (H5 免登 and first-login binding; the PC scan's
 * browser legs are in http-routes.ts), SMS codes, and the 浙里办 citizen on the public pages.
 * All public; the sign-ins log themselves (auth.login with the method, sso.bind).
 */
export const ssoRouter = router({
  /** Which ways to sign in this deployment offers (the login page shows those). */
  methods: publicProcedure.query(({ ctx }) => ({
    zzd: ctx.config.zzd !== null,
    smsCode: ctx.config.sms !== null,
    zlb: ctx.config.zlb !== null,
  })),

  /** H5 免登 inside the 浙政钉 app: the JSAPI's auth code; an unbound user gets a binding ticket. */
  zzdH5Login: publicProcedure
    .meta({ auditSelf: true })
    .input(z.object({ authCode: zLine().min(1, '缺少免登授权码').max(200) }))
    .mutation(async ({ ctx, input }) => {
      const outcome = await signInWithZzd(ctx.db, ctx.config, {
        code: input.authCode,
        via: 'h5',
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      if (outcome.kind === 'must-bind')
        return { kind: 'must-bind' as const, ticket: outcome.ticket, name: outcome.name };
      ctx.cookies.set(SESSION_COOKIE, outcome.token, { maxAgeMs: ctx.config.sessionMaxMs });
      return { kind: 'signed-in' as const, user: toMe(outcome.user) };
    }),

  /** First 浙政钉 sign-in: bind by signing in once with our username and password. */
  zzdBind: publicProcedure
    .meta({ auditSelf: true })
    .input(
      z.object({
        ticket: z.string().min(1, '缺少绑定凭据').max(2000),
        username: zLine().min(1, '请输入用户名').max(64),
        password: z.string().min(1, '请输入密码').max(128),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { token, user } = await bindZzdAndSignIn(ctx.db, ctx.config, {
        ...input,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      ctx.cookies.set(SESSION_COOKIE, token, { maxAgeMs: ctx.config.sessionMaxMs });
      return toMe(user);
    }),

  /** 短信验证码登录, step 1 (same answer whether or not the number has an account). */
  smsCodeRequest: publicProcedure
    .meta({ auditSelf: true })
    .input(ZSmsCodeRequestInput)
    .mutation(({ ctx, input }) => requestSmsLoginCode(ctx.db, ctx.config, input.phone)),

  /** 短信验证码登录, step 2. */
  smsCodeLogin: publicProcedure
    .meta({ auditSelf: true })
    .input(ZSmsCodeLoginInput)
    .mutation(async ({ ctx, input }) => {
      const { token, user } = await signInWithSmsCode(ctx.db, ctx.config, {
        ...input,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      ctx.cookies.set(SESSION_COOKIE, token, { maxAgeMs: ctx.config.sessionMaxMs });
      return toMe(user);
    }),

  /** The 浙里办 citizen signed in on the public pages (name and phone to prefill), or null. */
  citizen: publicProcedure.query(async ({ ctx }) => ({
    zlb: ctx.config.zlb !== null,
    citizen: await citizenOfToken(ctx.db, ctx.cookies.get(CITIZEN_COOKIE)),
  })),
});
