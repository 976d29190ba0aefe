import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@citygov/domain/request-origin';
import type { NextFunction, Request, Response } from 'express';
import { drainRequest } from './drain-request';
import { sendHttpError } from './http-errors';

/** Methods that change nothing; everything else must prove it comes from our own page. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Bodies of refused requests are drained up to this much, then the connection is cut. */
const DRAIN_CAP_BYTES = 1_000_000;

export const CSRF_REFUSED_MESSAGE = '请求来源校验失败，已拒绝：请在本系统页面内操作（可刷新页面后重试）';

/**
 * Why a state-changing request must be refused as cross-site, or null. The session
 * cookie is SameSite=Lax, which a sibling subdomain (same site) still gets sent, so:
 * 1. `Sec-Fetch-Site`, when the browser sends it (all current ones do), must say
 *    `same-origin` (or `none`: typed by the user, which a form post is not);
 * 2. without it (older browsers), an `Origin` must name this host;
 * 3. and the custom header must be there, which no cross-site form can add and no
 *    cross-site script can add without a CORS preflight that is never granted.
 */
export function crossSiteReason(req: Request): string | null {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) {
    if (site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  } else {
    const origin = req.get('origin');
    if (origin !== undefined && !sameHost(origin, req.host)) return `Origin: ${origin}`;
  }
  if (req.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) return `no ${CSRF_HEADER} header`;
  return null;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    // "null" (sandboxed frames, file: pages) and garbage.
    return false;
  }
}

/**
 * Refuses cross-site state changes with 403 before any cookie is looked at, so a
 * forged request changes nothing. Mounted in front of everything that uses the
 * session cookie (tRPC, attachments); Open311 sits before it (API key, no cookie).
 */
export function refuseCrossSiteWrites(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) {
    next();
    return;
  }
  const reason = crossSiteReason(req);
  if (!reason) {
    next();
    return;
  }
  console.warn(`[csrf] refused ${req.method} ${req.path} from ${req.ip ?? 'unknown'}: ${reason.slice(0, 200)}`);
  drainRequest(req, DRAIN_CAP_BYTES);
  sendHttpError(res, 403, CSRF_REFUSED_MESSAGE, 'CSRF_REFUSED');
}
