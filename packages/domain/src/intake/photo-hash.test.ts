import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { DEFAULT_DUPLICATE_THRESHOLDS, type DuplicateReport, decide, scoreDuplicate } from './duplicate-score';
import {
  closestPhotoDistance,
  hammingDistance,
  isPhotoHash,
  lowFrequencies,
  PHASH_SIDE,
  photoHash,
  photoVerdict,
} from './photo-hash';
import { featureTokens } from './text-features';

/**
 * A 32 × 32 grayscale picture of the scene `shade(x, y)` (0–1 coordinates), each pixel the
 * mean of 4 × 4 samples (as a decoder's area-averaging resize gives), clamped to 0–255.
 */
function picture(shade: (x: number, y: number) => number): number[] {
  const pixels: number[] = [];
  const s = 4;
  for (let y = 0; y < PHASH_SIDE; y++) {
    for (let x = 0; x < PHASH_SIDE; x++) {
      let sum = 0;
      for (let j = 0; j < s; j++) {
        for (let i = 0; i < s; i++) sum += shade((x + (i + 0.5) / s) / PHASH_SIDE, (y + (j + 0.5) / s) / PHASH_SIDE);
      }
      pixels.push(Math.max(0, Math.min(255, sum / (s * s))));
    }
  }
  return pixels;
}

const blob = (x: number, y: number, cx: number, cy: number, r: number) =>
  Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (r * r));
/** A road: lighter towards the camera, a dark pothole left of centre, a bright patch, a kerb. */
const pothole = (x: number, y: number) =>
  100 +
  50 * y +
  40 * Math.sin(x * 5) -
  80 * blob(x, y, 0.4, 0.55, 0.15) +
  60 * blob(x, y, 0.8, 0.2, 0.2) +
  (y > 0.85 ? 60 : 0);
/** A shop front: bright sign band on top, dark door right, window grid. */
const shop = (x: number, y: number) =>
  (y < 0.2 ? 210 : 90) - (x > 0.7 && y > 0.4 ? 60 : 0) + (Math.floor(x * 6) % 2 === 0 && y > 0.3 ? 40 : 0);
/** The same road seen through a crop keeping the middle `keep` of each side. */
const cropped = (keep: number) => (x: number, y: number) =>
  pothole(x * keep + (1 - keep) / 2, y * keep + (1 - keep) / 2);

describe('photoHash', () => {
  it('is 16 hex digits, and the same picture always hashes the same', () => {
    const hash = photoHash(picture(pothole));
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(isPhotoHash(hash)).toBe(true);
    expect(photoHash(picture(pothole))).toBe(hash);
  });

  it('barely moves when the photo is brighter, has more contrast, or carries sensor noise', () => {
    const original = photoHash(picture(pothole));
    const brighter = photoHash(picture((x, y) => pothole(x, y) * 1.1 + 10));
    const random = seededRandom(7);
    const noisy = photoHash(picture((x, y) => pothole(x, y) + (random() - 0.5) * 30));
    expect(hammingDistance(original, brighter)).toBeLessThanOrEqual(10);
    expect(hammingDistance(original, noisy)).toBeLessThanOrEqual(10);
  });

  it('barely moves when the scene is shifted a little (a slight crop)', () => {
    const original = photoHash(picture(pothole));
    expect(hammingDistance(original, photoHash(picture(cropped(0.95))))).toBeLessThanOrEqual(10);
    expect(hammingDistance(original, photoHash(picture(cropped(0.9))))).toBeLessThanOrEqual(10);
  });

  it('tells two different scenes apart by many bits', () => {
    expect(hammingDistance(photoHash(picture(pothole)), photoHash(picture(shop)))).toBeGreaterThanOrEqual(24);
  });

  it('refuses a picture of the wrong size', () => {
    expect(() => lowFrequencies([1, 2, 3])).toThrow(RangeError);
  });
});

describe('hammingDistance and the closest pair', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(RangeError);
  });

  it('takes the best pair of two photo sets, and is unknown when either side has none', () => {
    expect(closestPhotoDistance(['ffffffffffffffff', '000000000000000f'], ['0000000000000000'])).toBe(4);
    expect(closestPhotoDistance([], ['0000000000000000'])).toBeNull();
    expect(closestPhotoDistance(['not a hash'], ['0000000000000000'])).toBeNull();
  });

  it('reads near as similar, far as different, the middle and unknown as nothing', () => {
    const limits = DEFAULT_DUPLICATE_THRESHOLDS;
    expect([0, 10, 11, 23, 24, 64, null].map((d) => photoVerdict(d, limits))).toEqual([
      'similar',
      'similar',
      'unknown',
      'unknown',
      'different',
      'different',
      'unknown',
    ]);
  });
});

describe('photos in the duplicate score', () => {
  const road = photoHash(picture(pothole));
  const roadAgain = photoHash(picture((x, y) => cropped(0.95)(x, y) * 1.05));
  const front = photoHash(picture(shop));
  // A shop front (premises category) 25 m away, similar words: the score lands near the thresholds.
  const base: DuplicateReport = {
    kind: 'event',
    categoryCode: '01001',
    lng: 120.2,
    lat: 30.25,
    at: new Date('2026-05-10T09:00:00+08:00'),
    tokens: featureTokens(['井盖', '破损', '松动', '滨江路']),
    open: true,
  };
  const later = {
    ...base,
    lng: base.lng + 25 / 96_000,
    at: new Date(base.at.getTime() + 3_600_000),
    tokens: featureTokens(['井盖', '松动', '滨江路']),
  };

  it('raises the score for a near-identical photo and lowers it for a clearly different one', () => {
    const without = scoreDuplicate(later, base);
    const same = scoreDuplicate({ ...later, photos: [roadAgain] }, { ...base, photos: [front, road] });
    const other = scoreDuplicate({ ...later, photos: [roadAgain] }, { ...base, photos: [front] });
    const oneSided = scoreDuplicate({ ...later, photos: [roadAgain] }, base);
    expect(same.factors).toMatchObject({ photoSimilar: 1, photoDifferent: 0 });
    expect(same.factors.photoDistance).toBeLessThanOrEqual(10);
    expect(other.factors).toMatchObject({ photoSimilar: 0, photoDifferent: 1 });
    expect(same.score).toBeGreaterThan(without.score);
    expect(other.score).toBeLessThan(without.score);
    // Photos on one side only: unknown, the score is as without photos.
    expect(oneSided.score).toBe(without.score);
    expect(oneSided.factors.photoDistance).toBeNull();
  });

  it('never auto-merges across clearly different photos, but still lets the shift lead see the pair', () => {
    const close = { ...later, lng: base.lng, tokens: base.tokens };
    const plain = scoreDuplicate(close, base);
    expect(decide(plain.score, DEFAULT_DUPLICATE_THRESHOLDS, plain.factors)).toBe('merge');
    const other = scoreDuplicate({ ...close, photos: [front] }, { ...base, photos: [road] });
    expect(decide(other.score, DEFAULT_DUPLICATE_THRESHOLDS, other.factors)).toBe('review');
  });
});
