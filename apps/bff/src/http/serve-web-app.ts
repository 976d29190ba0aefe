/**
 * Serves the built web app: Vite's content-hashed files under /assets are cached for a
 * year as immutable (a new build has new names), everything else revalidates
 * (index.html no-cache, so a deploy is picked up at the next load); a brotli or gzip copy
 * made at build time (apps/web/vite-precompress.ts) is sent when the browser accepts it.
 * Client-side routes get the SPA shell.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import express, { type Request, type RequestHandler, type Response } from 'express';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Files in public/ (base map, icons) are not hashed: a short cache. */
const SHORT = 'public, max-age=3600';

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The best copy the browser accepts: brotli over gzip whatever order the header lists them in. */
function encodingFor(req: Request, available: ReadonlySet<string> | undefined) {
  if (!available) return undefined;
  return ENCODINGS.find((e) => available.has(e.name) && req.acceptsEncodings(e.name) === e.name);
}

function cacheControlFor(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return IMMUTABLE;
  if (urlPath.endsWith('.html')) return REVALIDATE;
  return SHORT;
}

function setCacheHeaders(res: Response, path: string, dist: string): void {
  const urlPath = `/${relative(dist, path).split(sep).join('/')}`;
  res.setHeader('Cache-Control', cacheControlFor(urlPath));
}

/** Static files of `dist` with their compressed copies; then the SPA shell for any other GET. */
export function serveWebApp(dist: string): RequestHandler[] {
  // The build does not change while the server runs: which files have which copies is read once.
  const copies = new Map<string, Set<string>>();
  for (const file of filesUnder(dist)) {
    for (const { name, suffix } of ENCODINGS) {
      if (!file.endsWith(suffix)) continue;
      const original = `/${relative(dist, file.slice(0, -suffix.length)).split(sep).join('/')}`;
      const set = copies.get(original) ?? new Set<string>();
      set.add(name);
      copies.set(original, set);
    }
  }

  const compressed: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const available = copies.get(req.path);
    if (!available) return next();
    res.vary('Accept-Encoding');
    const encoding = encodingFor(req, available);
    if (!encoding) return next();
    // The map above only holds paths of files in dist, so the request cannot reach outside it.
    res.setHeader('Content-Encoding', encoding.name);
    res.type(extname(req.path));
    res.setHeader('Cache-Control', cacheControlFor(req.path));
    res.sendFile(join(dist, `${req.path}${encoding.suffix}`), { cacheControl: false, lastModified: true }, (error) => {
      if (error) next(error);
    });
  };

  const shell = (req: Request, res: Response, next: (error?: unknown) => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cache-Control', REVALIDATE);
    const encoding = encodingFor(req, copies.get('/index.html'));
    res.vary('Accept-Encoding');
    if (encoding) {
      res.setHeader('Content-Encoding', encoding.name);
      res.type('html');
    }
    res.sendFile(join(dist, `index.html${encoding?.suffix ?? ''}`), { cacheControl: false }, (error) => {
      if (error) next(error);
    });
  };

  return [
    compressed,
    express.static(dist, {
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => setCacheHeaders(res, path, dist),
    }),
    shell,
  ];
}

/** Whether `dist` holds a built web app. */
export function hasWebApp(dist: string | undefined): dist is string {
  return dist !== undefined && existsSync(join(dist, 'index.html'));
}
