import type { Database } from '@citygov/db/client';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../env';
import type { SessionUser } from '../../trpc/context';
import { getViewableAttachment } from './attachment-queries';
import { attachmentPath, THUMBNAIL_MIME, thumbnailExists, thumbnailPath } from './attachment-store';
import { sendError } from './http-helpers';
import { mediaKindOf } from './media-types';

const NOT_FOUND = '附件不存在或无权查看';

function parseId(raw: string | string[] | undefined): number | null {
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

/**
 * Sends a stored file. Content never changes under its address, so it is cached for
 * good (privately: it needs the session) and the content hash is its ETag. Express's
 * sendFile answers Range requests, which video players need, and If-None-Match.
 */
function sendStored(res: Response, path: string, mime: string, sha256: string): Promise<void> {
  res.setHeader('Content-Type', mime);
  res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
  res.setHeader('ETag', `"${sha256}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new Promise((resolve) => {
    res.sendFile(path, { etag: false, lastModified: false, cacheControl: false }, (error) => {
      if (error && !res.headersSent) {
        const missing = 'code' in error && error.code === 'ENOENT';
        // A browser that navigated away (ECONNABORTED) is not a server fault.
        const aborted = 'code' in error && error.code === 'ECONNABORTED';
        if (!missing && !aborted) console.error(`[attachments] could not send ${path}:`, error);
        res.removeHeader('Cache-Control');
        res.removeHeader('ETag');
        sendError(res, missing ? 404 : 500, missing ? '附件文件已丢失' : '读取附件失败');
      }
      resolve();
    });
  });
}

/** GET /api/attachments/:id and /api/attachments/:id/thumb */
export async function serveAttachment(
  db: Database,
  config: AppConfig,
  user: SessionUser,
  req: Request,
  res: Response,
  variant: 'original' | 'thumb',
): Promise<void> {
  const id = parseId(req.params.id);
  const attachment = id === null ? null : await getViewableAttachment(db, user, { id });
  if (!attachment) {
    sendError(res, 404, NOT_FOUND);
    return;
  }
  const { sha256, mime } = attachment;
  if (variant === 'thumb') {
    if (mediaKindOf(mime) !== 'photo') {
      sendError(res, 404, '视频没有缩略图');
      return;
    }
    // No thumbnail when the image could not be decoded here (HEIC): the original stands in.
    if (await thumbnailExists(config.dataDir, sha256)) {
      await sendStored(res, thumbnailPath(config.dataDir, sha256), THUMBNAIL_MIME, sha256);
      return;
    }
  }
  await sendStored(res, attachmentPath(config.dataDir, sha256), mime, sha256);
}
