/**
 * 照片相似 on generated photos: the generated reports carry no photos, so each is given one
 * here, drawn as a 32 × 32 grayscale picture and hashed by the shipped pHash
 * (packages/domain/src/intake/photo-hash.ts). The assumptions are this file's, not measured:
 * - a report has a photo with probability PHOTO_SHARE (hotline callers and sensors send none);
 * - each problem (group) has one scene; a report of it photographs that scene again
 *   (a crop of 0–3 % a side, another exposure, what noise survives the reduction to 32 × 32)
 *   with probability RETAKE_SHARE,
 *   else from another side — a scene of its own, as unrelated to the hash as another problem.
 * So the figure shows what the photo rule does under these assumptions, not how often
 * citizens photograph the same view.
 */
import { PHASH_SIDE, photoHash } from '../../packages/domain/src/intake/photo-hash';
import { seededRandom } from '../../packages/domain/src/seeded-random';
import type { EvalReport } from './generate-reports';

export const PHOTO_SHARE = 0.7;
export const RETAKE_SHARE = 0.75;

type Shade = (x: number, y: number) => number;

/** A scene of a few soft blobs and a horizon over a gradient, from a seed. */
function sceneOf(seed: number): Shade {
  const random = seededRandom(seed);
  const blobs = Array.from({ length: 5 }, () => ({
    x: random(),
    y: random(),
    r: 0.08 + random() * 0.2,
    v: (random() - 0.5) * 180,
  }));
  const horizon = 0.15 + random() * 0.4;
  const sky = 60 + random() * 120;
  const slope = (random() - 0.5) * 120;
  return (x, y) => {
    let v = (y < horizon ? sky : 110) + slope * x;
    for (const b of blobs) v += b.v * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (b.r * b.r));
    return v;
  };
}

/** The scene as a phone photo reduced to the hash's square: cropped, exposed and noisy. */
function photograph(scene: Shade, random: () => number): string {
  const crop = random() * 0.03;
  const offsetX = crop * random() * 2;
  const offsetY = crop * random() * 2;
  const keep = 1 - 2 * crop;
  const gain = 0.9 + random() * 0.2;
  const lift = (random() - 0.5) * 30;
  const pixels: number[] = [];
  const s = 3;
  for (let y = 0; y < PHASH_SIDE; y++) {
    for (let x = 0; x < PHASH_SIDE; x++) {
      let sum = 0;
      for (let j = 0; j < s; j++) {
        for (let i = 0; i < s; i++) {
          const u = offsetX + ((x + (i + 0.5) / s) / PHASH_SIDE) * keep;
          const v = offsetY + ((y + (j + 0.5) / s) / PHASH_SIDE) * keep;
          sum += scene(u, v);
        }
      }
      const value = (sum / (s * s)) * gain + lift + (random() - 0.5) * 8;
      pixels.push(Math.max(0, Math.min(255, value)));
    }
  }
  return photoHash(pixels);
}

/** The reports with their generated photo hashes (none for a report without a photo). */
export function withGeneratedPhotos<R extends EvalReport>(
  reports: readonly R[],
  seed: number,
): (R & { photos: string[] })[] {
  return reports.map((r) => {
    const random = seededRandom(seed * 1_000_003 + r.id);
    if (r.source === 'hotline' || r.source === 'iot' || random() >= PHOTO_SHARE) return { ...r, photos: [] };
    const view = random() < RETAKE_SHARE ? r.group : 1_000_000 + r.id;
    return { ...r, photos: [photograph(sceneOf(seed * 7_919 + view), random)] };
  });
}
