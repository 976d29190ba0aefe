import type { Database } from '@citygov/db/client';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../env';
import { INTERNAL_ERROR_MESSAGE, sendHttpError } from '../../http/http-errors';
import { ATTACHMENT_CSP } from '../../http/security-headers';
import type { SessionUser } from '../../trpc/session-user';
import { getViewableAttachment } from './attachment-queries';
import { attachmentPath, THUMBNAIL_MIME, thumbnailExists, thumbnailPath } from './attachment-store';
import { mediaKindOf } from './media-types';

const NOT_FOUND = '附件不存在或无权查看';

function parseId(raw: string | string[] | undefined): number | null {
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

/** `send` stays silent on a Range header it cannot parse (it sends the whole file); we refuse it. */
function hasMalformedRange(req: Request): boolean {
  return req.headers.range !== undefined && req.range(Number.MAX_SAFE_INTEGER) === -2;
}

interface SendFailure {
  code?: unknown;
  status?: unknown;
}

/** The client went away mid-answer: nothing to answer, nothing wrong here. */
function clientGone(error: SendFailure): boolean {
  return error.code === 'ECONNABORTED' || error.code === 'ECONNRESET' || error.code === 'EPIPE';
}

/**
 * Sends a stored file. Content never changes under its address, so it is cached for
 * good (privately: it needs the session) and the content hash is its ETag. Express's
 * sendFile answers Range requests, which video players need, and If-None-Match. Every
 * failure ends this answer only: a 4xx/404/500 before the first byte, a cut
 * connection after it.
 */
function sendStored(res: Response, path: string, mime: string, sha256: string): Promise<void> {
  res.setHeader('Content-Type', mime);
  res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
  res.setHeader('ETag', `"${sha256}"`);
  res.setHeader('Content-Security-Policy', ATTACHMENT_CSP);
  return new Promise((resolve) => {
    res.sendFile(path, { etag: false, lastModified: false, cacheControl: false }, (error?: Error & SendFailure) => {
      resolve();
      if (!error || clientGone(error)) return;
      if (res.headersSent) {
        console.error(`[attachments] reading ${path} failed mid-answer:`, error);
        res.destroy();
        return;
      }
      if (error.status === 416) {
        sendHttpError(res, 416, '请求的字节范围超出文件大小');
      } else if (error.code === 'ENOENT') {
        sendHttpError(res, 404, '附件文件已丢失');
      } else {
        console.error(`[attachments] could not send ${path}:`, error);
        sendHttpError(res, 500, INTERNAL_ERROR_MESSAGE);
      }
    });
  });
}

/** GET (and HEAD) /api/attachments/:id and /api/attachments/:id/thumb */
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
    sendHttpError(res, 404, NOT_FOUND);
    return;
  }
  if (hasMalformedRange(req)) {
    sendHttpError(res, 400, '请求头 Range 格式错误');
    return;
  }
  const { sha256, mime } = attachment;
  if (variant === 'thumb') {
    if (mediaKindOf(mime) !== 'photo') {
      sendHttpError(res, 404, '视频没有缩略图');
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
