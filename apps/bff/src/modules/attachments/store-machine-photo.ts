import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Queryable } from '@citygov/db/client';
import { caseAttachments } from '@citygov/db/schema/cases';
import {
  commitFile,
  ensureThumbnail,
  newTempPath,
  readImageInfo,
  readPhotoHash,
  removeQuietly,
} from './attachment-store';

/**
 * Stores a photo a machine took (a camera's snapshot of a video-analytics alarm) like an
 * upload: by content hash, with its size and thumbnail, and no uploader. It is attached
 * to a case by whoever turns the alarm into one. Returns null for bytes that are no
 * readable JPEG or PNG, which are then simply not kept.
 */
export async function storeMachinePhoto(db: Queryable, dataDir: string, bytes: Buffer): Promise<number | null> {
  const mime =
    bytes[0] === 0xff && bytes[1] === 0xd8 ? 'image/jpeg' : bytes[0] === 0x89 && bytes[1] === 0x50 ? 'image/png' : null;
  if (!mime) return null;
  const temp = await newTempPath(dataDir);
  await writeFile(temp, bytes);
  const size = await readImageInfo(temp);
  if (!size) {
    await removeQuietly(temp);
    return null;
  }
  const phash = await readPhotoHash(temp);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await commitFile(dataDir, temp, sha256);
  await ensureThumbnail(dataDir, sha256);
  const [row] = await db
    .insert(caseAttachments)
    .values({
      caseId: null,
      purpose: 'report',
      sha256,
      mime,
      bytes: bytes.length,
      width: size.width,
      height: size.height,
      phash,
    })
    .returning({ id: caseAttachments.id });
  return row?.id ?? null;
}
