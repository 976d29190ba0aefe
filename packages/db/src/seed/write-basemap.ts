/**
 * Writes the demo city's base-map layers to apps/web/public/basemap/ so the map
 * works offline. The output is committed; rerun after changing the generator:
 *
 *   npx tsx packages/db/src/seed/write-basemap.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoBasemap, type FeatureCollection } from './demo-city-basemap';
import { generateDemoCity } from './demo-city-geography';

const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../apps/web/public/basemap');

/** One feature per line, so diffs of the committed files stay readable. */
function serialise<G, P>(collection: FeatureCollection<G, P>): string {
  const features = collection.features.map((f) => JSON.stringify(f)).join(',\n');
  return `{"type":"FeatureCollection","features":[\n${features}\n]}\n`;
}

const basemap = buildDemoBasemap(generateDemoCity());
mkdirSync(OUT_DIR, { recursive: true });
const layers = {
  'districts.geojson': serialise(basemap.districts),
  'streets.geojson': serialise(basemap.streets),
  'roads.geojson': serialise(basemap.roads),
  'water.geojson': serialise(basemap.water),
};
for (const [file, text] of Object.entries(layers)) {
  const path = resolve(OUT_DIR, file);
  writeFileSync(path, text);
  console.log(`wrote ${relative(process.cwd(), path)} (${text.length} bytes)`);
}
