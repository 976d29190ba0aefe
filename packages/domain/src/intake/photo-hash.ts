/**
 * 照片相似: a 64-bit perceptual hash (pHash) of a photo and the Hamming distance of two.
 * Pure: the caller decodes the image to a PHASH_SIDE × PHASH_SIDE grayscale square (the
 * whole picture squeezed, not cropped) and hands in its pixels.
 *
 * The hash keeps the coarse structure of the picture and drops what re-encoding, resizing
 * and small crops change: a 2-D DCT-II of the 32 × 32 square, its 8 × 8 lowest frequencies,
 * and one bit per frequency — above the median of the 64 or not. Two photos of the same
 * scene differ in a few bits; unrelated pictures in about half (32 of 64).
 */

/** Side of the grayscale square the hash is computed from. */
export const PHASH_SIDE = 32;
/** Side of the low-frequency block kept (8 × 8 = 64 bits). */
const LOW = 8;
export const PHASH_BITS = LOW * LOW;

/** cos((2x + 1) u π / 2N) for u < LOW, x < N: the only DCT rows the hash needs. */
const COSINES: Float64Array = (() => {
  const table = new Float64Array(LOW * PHASH_SIDE);
  for (let u = 0; u < LOW; u++) {
    for (let x = 0; x < PHASH_SIDE; x++) {
      table[u * PHASH_SIDE + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * PHASH_SIDE));
    }
  }
  return table;
})();

/**
 * The 8 × 8 lowest DCT-II coefficients (row-major, [v][u]) of a PHASH_SIDE² grayscale image
 * given row by row. Separable: rows first, then columns; unnormalised (the median
 * threshold does not care about a common scale, and the DC term is treated like the rest).
 */
export function lowFrequencies(pixels: ArrayLike<number>): Float64Array {
  const n = PHASH_SIDE;
  if (pixels.length !== n * n) throw new RangeError(`pHash needs ${n * n} pixels, got ${pixels.length}`);
  // rows[y][u] = Σx p[y][x] cos(u…x)
  const rows = new Float64Array(n * LOW);
  for (let y = 0; y < n; y++) {
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let x = 0; x < n; x++) sum += (pixels[y * n + x] ?? 0) * (COSINES[u * n + x] ?? 0);
      rows[y * LOW + u] = sum;
    }
  }
  const out = new Float64Array(LOW * LOW);
  for (let v = 0; v < LOW; v++) {
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let y = 0; y < n; y++) sum += (rows[y * LOW + u] ?? 0) * (COSINES[v * n + y] ?? 0);
      out[v * LOW + u] = sum;
    }
  }
  return out;
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The pHash of a PHASH_SIDE² grayscale image (0–255 per pixel, row by row) as 16 hex digits:
 * bit i (most significant first) is set when low frequency i lies above the median.
 */
export function photoHash(pixels: ArrayLike<number>): string {
  const low = lowFrequencies(pixels);
  const threshold = median(low);
  let hex = '';
  for (let nibble = 0; nibble < PHASH_BITS / 4; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) value = (value << 1) | ((low[nibble * 4 + bit] ?? 0) > threshold ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

const HASH_PATTERN = /^[0-9a-f]{16}$/;

/** A stored hash is trusted only in its own shape (anything else counts as unknown). */
export function isPhotoHash(value: unknown): value is string {
  return typeof value === 'string' && HASH_PATTERN.test(value);
}

const NIBBLE_BITS = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** Number of differing bits (0–64) of two hashes. */
export function hammingDistance(a: string, b: string): number {
  if (!isPhotoHash(a) || !isPhotoHash(b)) throw new RangeError('not a 64-bit photo hash');
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    distance += NIBBLE_BITS[Number.parseInt(a[i] ?? '0', 16) ^ Number.parseInt(b[i] ?? '0', 16)] ?? 0;
  }
  return distance;
}

/**
 * The smallest distance between any photo of one report and any photo of the other — the
 * pair that shows the same view best; null when either side has no hashed photo (unknown).
 */
export function closestPhotoDistance(a: readonly string[], b: readonly string[]): number | null {
  let best: number | null = null;
  for (const x of a) {
    if (!isPhotoHash(x)) continue;
    for (const y of b) {
      if (!isPhotoHash(y)) continue;
      const d = hammingDistance(x, y);
      if (best === null || d < best) best = d;
    }
  }
  return best;
}

/** How far apart two reports' photos are, as the duplicate score reads it. */
export type PhotoVerdict = 'similar' | 'different' | 'unknown';

export interface PhotoLimits {
  /** At most this many differing bits: the same scene (re-encoded, resized, slightly cropped). */
  photoSimilarMax: number;
  /** At least this many: clearly another picture. In between nothing is concluded. */
  photoDifferentMin: number;
}

export function photoVerdict(distance: number | null, limits: PhotoLimits): PhotoVerdict {
  if (distance === null) return 'unknown';
  if (distance <= limits.photoSimilarMax) return 'similar';
  if (distance >= limits.photoDifferentMin) return 'different';
  return 'unknown';
}
