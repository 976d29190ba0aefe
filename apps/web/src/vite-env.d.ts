/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** XYZ raster tile URL template ({z}/{x}/{y}) drawn under the vector layers, if set. */
  readonly VITE_TILE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
