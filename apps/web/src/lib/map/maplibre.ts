import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { setWorkerUrl } from 'maplibre-gl';

// maplibre-gl 6 finds its worker from import.meta.url, which a bundled build breaks
// ("Worker failed to load"); point it at the worker file Vite emits instead.
setWorkerUrl(workerUrl);

/** CJK (and, with no glyph server, all) label text is drawn locally with these fonts. */
export const MAP_FONT_FAMILY =
  "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** Optional raster tiles for real deployments (e.g. a city's own tile server); unset in the demo. */
export const RASTER_TILE_URL: string | undefined = import.meta.env.VITE_TILE_URL || undefined;
