import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database, Queryable } from '@citygov/db/client';
import { caseAttachments } from '@citygov/db/schema/cases';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Request } from 'express';
import type { AppConfig } from '../../env';
import { commitFile, ensureThumbnail, readImageInfo, readPhotoHash, removeQuietly } from './attachment-store';
import { type ReceivedUpload, receiveUpload, UploadError } from './receive-upload';

/** At most this many photos on one citizen report. */
export const MAX_PUBLIC_PHOTOS = 6;

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * A citizen's photo for 随手拍 (no account): one decodable photo (no video), stored like a
 * staff upload under the public reporter, with a claim token — `<id>.<random>` — that only
 * the uploader receives. The database keeps the token's hash; a report presenting the token
 * attaches the photo (claimPublicPhotos). Returns the token.
 */
export async function storePublicPhoto(
  db: Database,
  config: AppConfig,
  req: Request,
  uploadedBy: number,
): Promise<{ id: number; token: string }> {
  let received: ReceivedUpload | null = null;
  try {
    // Photos only: a video limit of one byte refuses any video as soon as it starts.
    received = await receiveUpload(req, config.dataDir, { photoBytes: config.maxPhotoBytes, videoBytes: 1 });
    const { file } = received;
    if (file.kind !== 'photo') throw new UploadError(415, '只能上传照片');
    const size = await readImageInfo(file.tempPath);
    if (!size) throw new UploadError(422, '图片无法解析，请换一张照片');
    const phash = await readPhotoHash(file.tempPath);
    await commitFile(config.dataDir, file.tempPath, file.sha256);
    await ensureThumbnail(config.dataDir, file.sha256);
    const secret = randomBytes(24).toString('base64url');
    const [row] = await db
      .insert(caseAttachments)
      .values({
        caseId: null,
        purpose: 'report',
        sha256: file.sha256,
        mime: file.mime,
        bytes: file.bytes,
        width: size.width,
        height: size.height,
        phash,
        originalName: null,
        uploadedBy,
        claimHash: hashOf(secret),
      })
      .returning({ id: caseAttachments.id });
    if (!row) throw new Error('insert into case_attachments returned no row');
    return { id: row.id, token: `${row.id}.${secret}` };
  } catch (error) {
    if (received) await removeQuietly(received.file.tempPath);
    throw error;
  }
}

/**
 * The attachment ids behind claim tokens, for the report that presents them (inside its
 * transaction): each must be a fresh public photo whose hash matches. Null when any token
 * is malformed, unknown, someone else's or already used — the report is then refused.
 */
export async function claimPublicPhotos(
  db: Queryable,
  tokens: readonly string[],
  uploadedBy: number,
): Promise<number[] | null> {
  const parsed = tokens.map((token) => {
    const [id, secret] = token.split('.');
    return { id: Number(id), secret: secret ?? '' };
  });
  if (parsed.some((p) => !Number.isSafeInteger(p.id) || p.id <= 0 || p.secret.length < 16)) return null;
  if (parsed.length === 0) return [];
  const rows = await db
    .select({ id: caseAttachments.id, claimHash: caseAttachments.claimHash })
    .from(caseAttachments)
    .where(
      and(
        inArray(
          caseAttachments.id,
          parsed.map((p) => p.id),
        ),
        eq(caseAttachments.uploadedBy, uploadedBy),
        isNull(caseAttachments.caseId),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r.claimHash]));
  for (const { id, secret } of parsed) {
    const stored = byId.get(id);
    if (!stored) return null;
    const given = Buffer.from(hashOf(secret), 'hex');
    const expected = Buffer.from(stored, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  }
  return [...new Set(parsed.map((p) => p.id))];
}
