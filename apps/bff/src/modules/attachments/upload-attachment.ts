import type { Database } from '@citygov/db/client';
import { caseAttachments } from '@citygov/db/schema/cases';
import type { Permission } from '@citygov/domain/permissions';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../env';
import { drainRequest } from '../../http/drain-request';
import { sendHttpError } from '../../http/http-errors';
import type { SessionUser } from '../../trpc/session-user';
import { writeAudit } from '../audit/api';
import {
  commitFile,
  ensureThumbnail,
  type ImageInfo,
  readImageInfo,
  readPhotoHash,
  removeQuietly,
} from './attachment-store';
import { attachmentUrls } from './http-helpers';
import { ATTACHMENT_PURPOSES, isAttachmentPurpose } from './media-types';
import { type ReceivedUpload, receiveUpload, UploadError } from './receive-upload';

/** Anyone who documents a step of a case may upload; the action that attaches it checks the rest. */
const UPLOAD_PERMISSIONS: readonly Permission[] = [
  'case.report',
  'case.verify',
  'case.handle',
  'case.check',
  'case.accept',
];

/** Formats libvips may not decode here (no HEVC in the prebuilt sharp): stored without size or thumbnail. */
const UNDECODABLE_OK = new Set(['image/heic', 'image/heif']);

export interface UploadResponse {
  id: number;
  sha256: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  url: string;
  thumbUrl: string | null;
}

/** POST /api/attachments: one file (`file`) and its `purpose`, before any case exists. */
export async function uploadAttachment(
  db: Database,
  config: AppConfig,
  user: SessionUser,
  req: Request,
  res: Response,
): Promise<void> {
  const audit = {
    userId: user.id,
    username: user.username,
    action: 'attachments.upload',
    ip: req.ip ?? null,
    areaPath: user.areaPath,
  };
  if (!UPLOAD_PERMISSIONS.some((p) => user.permissions.has(p))) {
    drainRequest(req, config.maxVideoBytes);
    await writeAudit(db, { ...audit, outcome: 'denied', detail: { error: '没有上传附件的权限' } });
    sendHttpError(res, 403, '没有上传附件的权限');
    return;
  }

  let received: ReceivedUpload | null = null;
  try {
    received = await receiveUpload(req, config.dataDir, {
      photoBytes: config.maxPhotoBytes,
      videoBytes: config.maxVideoBytes,
    });
    const { file, fields } = received;
    const purpose = fields.get('purpose') ?? '';
    if (!isAttachmentPurpose(purpose)) {
      throw new UploadError(400, `附件用途无效：只能是 ${ATTACHMENT_PURPOSES.join('、')}`);
    }
    let size: ImageInfo | null = null;
    let phash: string | null = null;
    if (file.kind === 'photo') {
      // Magic bytes can lie about the rest of the file; refuse images the decoder cannot read.
      size = await readImageInfo(file.tempPath);
      if (!size && !UNDECODABLE_OK.has(file.mime)) throw new UploadError(422, '图片无法解析，文件可能已损坏');
      if (size) phash = await readPhotoHash(file.tempPath);
    }
    await commitFile(config.dataDir, file.tempPath, file.sha256);
    if (file.kind === 'photo') await ensureThumbnail(config.dataDir, file.sha256);

    const row = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(caseAttachments)
        .values({
          caseId: null,
          purpose,
          sha256: file.sha256,
          mime: file.mime,
          bytes: file.bytes,
          width: size?.width ?? null,
          height: size?.height ?? null,
          phash,
          originalName: file.originalName,
          uploadedBy: user.id,
        })
        .returning({ id: caseAttachments.id });
      if (!inserted) throw new Error('insert into case_attachments returned no row');
      await writeAudit(tx, {
        ...audit,
        outcome: 'ok',
        target: `attachment:${inserted.id}`,
        detail: { purpose, sha256: file.sha256, mime: file.mime, bytes: file.bytes, originalName: file.originalName },
      });
      return inserted;
    });

    const body: UploadResponse = {
      id: row.id,
      sha256: file.sha256,
      mime: file.mime,
      bytes: file.bytes,
      width: size?.width ?? null,
      height: size?.height ?? null,
      ...attachmentUrls(row.id, file.kind),
    };
    res.status(201).json(body);
  } catch (error) {
    // Gone already once committed (renamed); otherwise the temp file must not stay behind.
    if (received) await removeQuietly(received.file.tempPath);
    if (!(error instanceof UploadError)) throw error;
    drainRequest(req, config.maxVideoBytes);
    await writeAudit(db, { ...audit, outcome: 'failed', detail: { error: error.message } });
    sendHttpError(res, error.status, error.message, error.code);
  }
}
