import type { Database } from '@citygov/db/client';
import { parseCookie } from 'cookie';
import type { Request, Response } from 'express';
import type { AppConfig } from '../env';
import { type LiveServices, NO_LIVE_SERVICES } from '../live-services';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/api';
import type { CaseFeed } from '../modules/events/api';
import type { Context, CookieJar } from './context';

export function expressCookieJar(req: Request, res: Response): CookieJar {
  const cookies = parseCookie(req.headers.cookie ?? '');
  // Secure whenever the request came over TLS: directly, or through a local proxy that says so
  // (trust proxy is loopback, so x-forwarded-proto counts only from this machine).
  const options = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
  return {
    get: (name) => cookies[name],
    set: (name, value, { maxAgeMs }) => res.cookie(name, value, { ...options, maxAge: maxAgeMs }),
    clear: (name) => res.clearCookie(name, options),
  };
}

/** Builds a context from a cookie jar: the database, the caller's session and scope. */
export async function contextFromCookies(
  db: Database,
  config: AppConfig,
  cookies: CookieJar,
  client: { ip: string | null; userAgent: string | null },
  caseFeed: CaseFeed | null = null,
  live: LiveServices = NO_LIVE_SERVICES,
): Promise<Context> {
  const session = await resolveSession(db, cookies.get(SESSION_COOKIE), config.sessionIdleMs);
  if (session.kind === 'expired') cookies.clear(SESSION_COOKIE);
  return {
    db,
    config,
    user: session.kind === 'live' ? session.user : null,
    sessionId: session.kind === 'live' ? session.sessionId : null,
    sessionProblem: session.kind === 'expired' ? session.message : null,
    ip: client.ip,
    userAgent: client.userAgent,
    cookies,
    // Outside a mutation there is no transaction to wait for.
    afterCommit: (task) => task(),
    caseFeed,
    live,
  };
}

export function createRequestContext(
  db: Database,
  config: AppConfig,
  req: Request,
  res: Response,
  caseFeed: CaseFeed | null = null,
  live: LiveServices = NO_LIVE_SERVICES,
): Promise<Context> {
  return contextFromCookies(
    db,
    config,
    expressCookieJar(req, res),
    { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
    caseFeed,
    live,
  );
}
