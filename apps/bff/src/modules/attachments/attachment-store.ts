import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PHASH_SIDE, photoHash } from '@citygov/domain/intake/photo-hash';
import sharp from 'sharp';

/**
 * Attachments live on disk by content hash: `<dataDir>/attachments/ab/cd/<sha256>`,
 * so the same photo uploaded twice is stored once. Files are written to `tmp/`
 * inside the same folder (same filesystem) and renamed into place, so a reader
 * never sees a half-written file.
 */
export function attachmentsRoot(dataDir: string): string {
  return join(dataDir, 'attachments');
}

export function attachmentPath(dataDir: string, sha256: string): string {
  return join(attachmentsRoot(dataDir), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export function thumbnailPath(dataDir: string, sha256: string): string {
  return `${attachmentPath(dataDir, sha256)}.thumb.webp`;
}

export const THUMBNAIL_MIME = 'image/webp';
const THUMBNAIL_MAX_PX = 320;

/**
 * Refuse decoding anything above ~200 megapixels (the largest phone sensors), so a
 * small file that decompresses to a huge bitmap cannot exhaust memory.
 */
const MAX_INPUT_PIXELS = 200_000_000;

function tempDir(dataDir: string): string {
  return join(attachmentsRoot(dataDir), 'tmp');
}

/** Creates the temp folder; call before streaming, so no await sits between a stream and its writer. */
export async function ensureTempDir(dataDir: string): Promise<void> {
  await mkdir(tempDir(dataDir), { recursive: true });
}

/** A fresh temp file name in the (existing) temp folder. */
export function tempPathIn(dataDir: string): string {
  return join(tempDir(dataDir), `${randomUUID()}.part`);
}

export async function newTempPath(dataDir: string): Promise<string> {
  await ensureTempDir(dataDir);
  return tempPathIn(dataDir);
}

/** Temp files older than this cannot belong to an upload still running. */
const STALE_TEMP_MS = 60 * 60_000;

/**
 * Removes temp files a killed process left behind (an upload or thumbnail in flight
 * when it stopped). Run at start; returns how many were removed.
 */
export async function sweepStaleTempFiles(dataDir: string, now = Date.now()): Promise<number> {
  const dir = tempDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > STALE_TEMP_MS) {
      await removeQuietly(path);
      removed++;
    }
  }
  return removed;
}

export async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') console.error(`[attachments] could not remove ${path}:`, error);
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Moves a finished temp file to its content address; drops it when that content is already stored. */
export async function commitFile(dataDir: string, tempPath: string, sha256: string): Promise<string> {
  const target = attachmentPath(dataDir, sha256);
  if (await exists(target)) {
    await removeQuietly(tempPath);
    return target;
  }
  await mkdir(dirname(target), { recursive: true });
  // Two concurrent uploads of the same bytes both rename onto the same name: harmless.
  await rename(tempPath, target);
  return target;
}

export interface ImageInfo {
  width: number;
  height: number;
}

/** Display size of an image (EXIF rotation applied); null when the decoder cannot read it. */
export async function readImageInfo(path: string): Promise<ImageInfo | null> {
  try {
    const meta = await sharp(path, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const { width, height } = meta.autoOrient;
    return width > 0 && height > 0 ? { width, height } : null;
  } catch {
    return null;
  }
}

/**
 * The perceptual hash of a photo (照片相似 in duplicate detection): the picture upright,
 * in grayscale, squeezed whole into a 32 × 32 square (no crop, so the hash sees all of it),
 * then the pure pHash of @citygov/domain/intake/photo-hash. Null when the decoder cannot
 * read the file (a video, HEIC without a decoder, a damaged image): unknown, never an error.
 */
export async function readPhotoHash(path: string): Promise<string | null> {
  try {
    const pixels = await sharp(path, { limitInputPixels: MAX_INPUT_PIXELS })
      .autoOrient()
      // A transparent PNG would otherwise keep an alpha channel next to the gray one.
      .removeAlpha()
      .grayscale()
      .resize(PHASH_SIDE, PHASH_SIDE, { fit: 'fill' })
      .raw()
      .toBuffer();
    return pixels.length === PHASH_SIDE * PHASH_SIDE ? photoHash(pixels) : null;
  } catch {
    return null;
  }
}

/**
 * Writes the thumbnail next to the original unless it already exists. Returns false
 * when the decoder cannot read the image (HEIC: the prebuilt libvips has no HEVC
 * decoder), in which case the thumbnail URL falls back to the original.
 */
export async function ensureThumbnail(dataDir: string, sha256: string): Promise<boolean> {
  const target = thumbnailPath(dataDir, sha256);
  if (await exists(target)) return true;
  const temp = await newTempPath(dataDir);
  try {
    await sharp(attachmentPath(dataDir, sha256), { limitInputPixels: MAX_INPUT_PIXELS })
      .autoOrient()
      .resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toFile(temp);
    await rename(temp, target);
    return true;
  } catch (error) {
    await removeQuietly(temp);
    console.warn(`[attachments] no thumbnail for ${sha256}:`, error instanceof Error ? error.message : error);
    return false;
  }
}

export async function thumbnailExists(dataDir: string, sha256: string): Promise<boolean> {
  return exists(thumbnailPath(dataDir, sha256));
}
