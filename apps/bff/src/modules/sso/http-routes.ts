import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '@citygov/db/client';
import { DomainError } from '@citygov/domain/errors';
import express, { type Request, type Response } from 'express';
import { zlbLoginUrl } from '../../adapters/zlb/client';
import { scanLoginUrl } from '../../adapters/zzd/client';
import type { AppConfig } from '../../env';
import { expressCookieJar } from '../../trpc/create-context';
import { SESSION_COOKIE } from '../auth/api';
import { CITIZEN_COOKIE, CITIZEN_SESSION_MS, endCitizenSession, signInCitizenWithZlb } from './citizen-sessions';
import { signInWithZzd } from './zzd-sign-in';

const STATE_COOKIE = 'citygov_sso_state';
const STATE_MS = 10 * 60_000;

/** Where people reach this app: CITYGOV_PUBLIC_URL, else this request's host. */
export function appUrlOf(config: Pick<AppConfig, 'publicUrl'>, req: Request): string {
  return config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function sameState(a: string | undefined, b: unknown): boolean {
  if (!a || typeof b !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Only our own public pages are a place to come back to. */
function publicPath(from: unknown): string {
  return typeof from === 'string' && /^\/public(\/[\w/-]*)?$/.test(from) ? from : '/public/report';
}

function toLogin(res: Response, params: Record<string, string>) {
  res.redirect(302, `/login?${new URLSearchParams(params).toString()}`);
}

/**
 * The browser legs of outside sign-in (GET, top-level navigations; SameSite=Lax cookies travel):
 * - /api/sso/zzd/scan → 浙政钉 /oauth2/auth.htm (PC scan) → /api/sso/zzd/callback?code&state →
 *   a session and the home page, or the login page with a binding ticket for an unbound user;
 * - /api/sso/zlb/login?from=/public/report → 浙里办 → /api/sso/zlb/callback?ticket → a citizen
 *   sign-in (name and phone to prefill) and back to the public page.
 * A random state in a short cookie ties each callback to the browser that started it.
 */
export function createSsoRoutes(db: Database, config: AppConfig) {
  const routes = express.Router();
  const startState = (req: Request, res: Response, extra = '') => {
    const state = `${randomBytes(16).toString('hex')}${extra}`;
    expressCookieJar(req, res).set(STATE_COOKIE, state, { maxAgeMs: STATE_MS });
    return state;
  };

  routes.get('/zzd/scan', (req, res) => {
    if (!config.zzd) return toLogin(res, { ssoError: '未启用浙政钉登录' });
    const state = startState(req, res);
    res.redirect(302, scanLoginUrl(config.zzd, `${appUrlOf(config, req)}/api/sso/zzd/callback`, state));
  });

  routes.get('/zzd/callback', async (req, res, next) => {
    const cookies = expressCookieJar(req, res);
    const expected = cookies.get(STATE_COOKIE);
    cookies.clear(STATE_COOKIE);
    if (!sameState(expected, req.query.state) || typeof req.query.code !== 'string' || !req.query.code) {
      return toLogin(res, { ssoError: '扫码登录已失效，请重新扫码' });
    }
    try {
      const outcome = await signInWithZzd(db, config, {
        code: req.query.code,
        via: 'scan',
        ip: req.ip ?? null,
        userAgent: req.get('user-agent') ?? null,
      });
      if (outcome.kind === 'must-bind') return toLogin(res, { zzdBind: outcome.ticket, zzdName: outcome.name });
      cookies.set(SESSION_COOKIE, outcome.token, { maxAgeMs: config.sessionMaxMs });
      res.redirect(302, '/');
    } catch (error) {
      if (error instanceof DomainError) return toLogin(res, { ssoError: error.message });
      next(error);
    }
  });

  routes.get('/zlb/login', (req, res) => {
    const from = publicPath(req.query.from);
    if (!config.zlb) return void res.redirect(302, from);
    const state = startState(req, res);
    const back = new URL('/api/sso/zlb/callback', appUrlOf(config, req));
    back.searchParams.set('state', state);
    back.searchParams.set('from', from);
    res.redirect(302, zlbLoginUrl(config.zlb, back.toString()));
  });

  routes.get('/zlb/callback', async (req, res) => {
    const cookies = expressCookieJar(req, res);
    const from = publicPath(req.query.from);
    const expected = cookies.get(STATE_COOKIE);
    cookies.clear(STATE_COOKIE);
    const ticket = req.query.ticket;
    if (!config.zlb || !sameState(expected, req.query.state) || typeof ticket !== 'string' || !ticket) {
      return void res.redirect(302, `${from}?zlbError=1`);
    }
    try {
      const token = await signInCitizenWithZlb(db, config.zlb, ticket);
      cookies.set(CITIZEN_COOKIE, token, { maxAgeMs: CITIZEN_SESSION_MS });
      res.redirect(302, from);
    } catch (error) {
      console.error('[sso] 浙里办 sign-in failed:', error);
      res.redirect(302, `${from}?zlbError=1`);
    }
  });

  routes.post('/zlb/logout', async (req, res, next) => {
    try {
      const cookies = expressCookieJar(req, res);
      await endCitizenSession(db, cookies.get(CITIZEN_COOKIE));
      cookies.clear(CITIZEN_COOKIE);
      res.json({ ok: true });
    } catch (error) {
      next(error);
    }
  });
  return routes;
}
