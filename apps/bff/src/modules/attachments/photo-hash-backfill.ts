import type { Database } from '@citygov/db/client';
import { caseAttachments } from '@citygov/db/schema/cases';
import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import { attachmentPath, readPhotoHash } from './attachment-store';

/** The queue (of the one pg-boss wrapper, the outbox worker's) whose job hashes older photos. */
export const PHOTO_HASH_QUEUE = 'photo-hash-backfill';

/** Photos per job: well inside the timed job's 60 s lease on a slow disk. */
const PHOTOS_PER_JOB = 200;

const unhashed = and(isNull(caseAttachments.phash), like(caseAttachments.mime, 'image/%'));

/**
 * Hashes up to `limit` photos stored before photos were hashed (or while hashing failed),
 * oldest first, so they take part in 照片相似 duplicate detection. A photo the decoder
 * cannot read (or whose file is gone) gets the empty hash: looked at, never compared.
 * Writes only a row still unhashed, so two processes doing it at once agree.
 */
export async function hashOlderPhotos(db: Database, dataDir: string, limit = PHOTOS_PER_JOB) {
  const photos = await db
    .select({ id: caseAttachments.id, sha256: caseAttachments.sha256 })
    .from(caseAttachments)
    .where(unhashed)
    .orderBy(asc(caseAttachments.id))
    .limit(limit);
  let hashed = 0;
  for (const photo of photos) {
    const phash = await readPhotoHash(attachmentPath(dataDir, photo.sha256));
    if (phash) hashed++;
    await db
      .update(caseAttachments)
      .set({ phash: phash ?? '' })
      .where(and(eq(caseAttachments.id, photo.id), isNull(caseAttachments.phash)));
  }
  const [left] = await db.select({ n: sql<number>`count(*)::int` }).from(caseAttachments).where(unhashed);
  return { looked: photos.length, hashed, left: left?.n ?? 0 };
}

/**
 * The backfill as a timed job of the outbox worker: while any photo is unhashed, one job
 * (one key) is queued; each run hashes a batch and logs what is left, and the next sweep
 * queues the next batch.
 */
export function photoHashTimer(dataDir: string, log: (line: string) => void = (line) => console.log(line)) {
  return {
    queue: PHOTO_HASH_QUEUE,
    async pending(db: Database) {
      const [one] = await db.select({ id: caseAttachments.id }).from(caseAttachments).where(unhashed).limit(1);
      return one ? [{ key: 'photos', runAt: new Date(), data: {} }] : [];
    },
    async run(db: Database) {
      const { looked, hashed, left } = await hashOlderPhotos(db, dataDir);
      if (looked > 0) log(`[citygov] 照片指纹补算: ${hashed}/${looked} hashed, ${left} left`);
    },
  };
}
