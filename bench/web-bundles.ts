/**
 * Initial JavaScript per route of the web app: builds it with a manifest into a temporary
 * folder, then for each route adds up the entry chunk, the lazy chunks of the route's
 * layouts and page, and everything those import statically (what the browser must
 * fetch before the page shows), raw and gzipped. Chunks loaded later with import() —
 * the map and chart code, for instance — do not count. `pnpm bench web` runs only this.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Route → the lazy modules (layouts first, then the page) react-router loads for it. */
export const ROUTES: readonly { path: string; modules: readonly string[]; goalKb?: number }[] = [
  { path: '/login', modules: ['src/surfaces/login/login-page.tsx'] },
  { path: '/', modules: ['src/surfaces/portal/home-page.tsx'] },
  {
    path: '/desk',
    modules: ['src/surfaces/desk/desk-layout.tsx', 'src/surfaces/desk/desk-home-page.tsx'],
    goalKb: 350,
  },
  {
    path: '/desk/cases',
    modules: ['src/surfaces/desk/desk-layout.tsx', 'src/surfaces/desk/case-list-page.tsx'],
    goalKb: 350,
  },
  {
    path: '/desk/cases/:id',
    modules: ['src/surfaces/desk/desk-layout.tsx', 'src/surfaces/desk/case-detail-page.tsx'],
    goalKb: 350,
  },
  { path: '/desk/intake', modules: ['src/surfaces/desk/desk-layout.tsx', 'src/surfaces/desk/intake-page.tsx'] },
  { path: '/map', modules: ['src/surfaces/map/map-page.tsx'] },
  // The wall's map and charts load with import() once the page is up, so they do not count here.
  { path: '/wall', modules: ['src/surfaces/wall/wall-page.tsx'], goalKb: 500 },
  { path: '/leader', modules: ['src/surfaces/leader/leader-page.tsx'] },
  { path: '/analytics', modules: ['src/surfaces/analytics/analytics-page.tsx'] },
  { path: '/supervision/evaluation', modules: ['src/surfaces/supervision/evaluation-page.tsx'] },
  { path: '/iot', modules: ['src/surfaces/iot/iot-page.tsx'] },
  { path: '/video', modules: ['src/surfaces/video/video-page.tsx'] },
  { path: '/m/report', modules: ['src/surfaces/street/phone-root.tsx', 'src/surfaces/street/report-page.tsx'] },
  { path: '/public/report', modules: ['src/surfaces/public/public-root.tsx'] },
];

export interface RouteBundle {
  path: string;
  files: number;
  rawKb: number;
  gzipKb: number;
  /** What the server sends to a browser that accepts brotli (the build's .br copies, quality 11). */
  brotliKb: number;
  goalKb: number | undefined;
}

/** Manifest keys of a chunk and every chunk it imports statically, transitively. */
function staticClosure(manifest: Manifest, key: string, into: Set<string>): void {
  if (into.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`no chunk for ${key} in the build manifest`);
  into.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
}

export function routeBundles(dist: string): RouteBundle[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('no entry chunk in the build manifest');
  const sizes = new Map<string, { raw: number; gzip: number; brotli: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const bytes = readFileSync(join(dist, file));
      size = {
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
      sizes.set(file, size);
    }
    return size;
  };
  return ROUTES.map((route) => {
    const keys = new Set<string>();
    staticClosure(manifest, entry, keys);
    for (const module of route.modules) staticClosure(manifest, module, keys);
    const files = [...keys].map((k) => manifest[k]?.file ?? '').filter((f) => f.endsWith('.js'));
    const raw = files.reduce((sum, f) => sum + sizeOf(f).raw, 0);
    const gzip = files.reduce((sum, f) => sum + sizeOf(f).gzip, 0);
    const brotli = files.reduce((sum, f) => sum + sizeOf(f).brotli, 0);
    return {
      path: route.path,
      files: files.length,
      rawKb: raw / 1024,
      gzipKb: gzip / 1024,
      brotliKb: brotli / 1024,
      goalKb: route.goalKb,
    };
  });
}

export function printRouteBundles(bundles: readonly RouteBundle[]): void {
  console.log('\nweb: initial JS per route (entry + the route’s lazy chunks and their static imports; gzip -9)');
  for (const b of bundles) {
    const goal = b.goalKb === undefined ? '' : `  goal ≤ ${b.goalKb} KB ${b.gzipKb <= b.goalKb ? 'met' : 'MISSED'}`;
    console.log(
      `    ${b.path.padEnd(24)} ${String(b.files).padStart(3)} files  ${b.rawKb.toFixed(0).padStart(6)} KB raw  ${b.gzipKb.toFixed(0).padStart(5)} KB gzip  ${b.brotliKb.toFixed(0).padStart(5)} KB br${goal}`,
    );
  }
}

/** Builds the web app with a manifest into a temporary folder and prints each route's initial JS. */
export function benchWebBundles(): RouteBundle[] {
  const root = resolve(import.meta.dirname, '..');
  const out = mkdtempSync(join(tmpdir(), 'citygov-web-bench-'));
  try {
    execFileSync(
      'pnpm',
      ['--filter', '@citygov/web', 'exec', 'vite', 'build', '--manifest', '--outDir', out, '--emptyOutDir'],
      {
        cwd: root,
        stdio: 'ignore',
      },
    );
    const bundles = routeBundles(out);
    printRouteBundles(bundles);
    return bundles;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
