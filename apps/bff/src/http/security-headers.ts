import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every answer, written for what the web app needs:
 * - scripts only from our own origin (Vite emits no inline script);
 * - `style-src 'unsafe-inline'`: antd writes its CSS-in-JS into <style> tags at run time;
 * - maplibre: its worker is a same-origin file (`setWorkerUrl`), `blob:` kept for
 *   workers and tile images it makes from fetched data; tiles from `VITE_TILE_URL`'s host;
 * - echarts draws on canvas and needs nothing more;
 * - video: hls.js / mpegts.js play through MSE (`media-src blob:`, workers from `blob:`),
 *   fetching from us or from ZLMediaKit's public origin (ZLM_PUBLIC_URL);
 * - nobody may frame us (`frame-ancestors 'none'`, X-Frame-Options DENY for old browsers).
 * No `upgrade-insecure-requests`: a deployment on plain http in a city's LAN would break.
 */
export function contentSecurityPolicy(
  tileSources: readonly string[],
  mediaSources: readonly string[] = [],
): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...tileSources],
    'font-src': ["'self'", 'data:'],
    // Video: hls.js and mpegts.js fetch the stream (ours, or ZLMediaKit's origin) and play it through MSE (blob:).
    'connect-src': ["'self'", ...tileSources, ...mediaSources],
    'worker-src': ["'self'", 'blob:'],
    'media-src': ["'self'", 'blob:', ...mediaSources],
    'manifest-src': ["'self'"],
  };
}

/**
 * Photos and videos opened on their own get no powers at all: even a file that is
 * both a valid JPEG and something a browser might render cannot run anything.
 */
export const ATTACHMENT_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; frame-ancestors 'self'; sandbox";

/** One year, as HSTS preload lists ask; sent only on TLS, where it means something. */
const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * Browser defences on every answer (helmet): CSP, X-Frame-Options, nosniff,
 * Referrer-Policy, the cross-origin isolation headers; and HSTS when the request came
 * over TLS (directly or from a reverse proxy on loopback that says so, see `trust proxy`).
 */
export function securityHeaders(
  tileSources: readonly string[],
  mediaSources: readonly string[] = [],
): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(tileSources, mediaSources) },
    xFrameOptions: { action: 'deny' },
    // Only the origin leaves the site (a tile server may want it); paths and tracking numbers never do.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true });
  const hstsOnTls = (req: Request, res: Response, next: NextFunction) => {
    if (req.secure) hsts(req, res, next);
    else next();
  };
  return [headers, hstsOnTls];
}
