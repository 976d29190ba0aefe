import type { Database } from '@citygov/db/client';
import { type Request, type Response, Router } from 'express';
import type { AppConfig } from '../../env';
import type { SessionUser } from '../../trpc/context';
import { discardBody, requireSessionUser, sendError } from './http-helpers';
import { serveAttachment } from './serve-attachment';
import { uploadAttachment } from './upload-attachment';

type Handler = (user: SessionUser, req: Request, res: Response) => Promise<void>;

/**
 * Photos and videos over plain HTTP (multipart upload, byte-range download), outside
 * tRPC; mounted at /api/attachments. Uses the same session cookie as tRPC.
 */
export function createAttachmentRoutes(db: Database, config: AppConfig): Router {
  const signedIn =
    (handler: Handler) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const user = await requireSessionUser(db, config, req, res);
        if (user) await handler(user, req, res);
        else discardBody(req, config.maxVideoBytes);
      } catch (error) {
        console.error(`[attachments] ${req.method} ${req.originalUrl}:`, error);
        discardBody(req, config.maxVideoBytes);
        sendError(res, 500, '服务器内部错误，请稍后重试');
      }
    };

  const router = Router();
  router.post(
    '/',
    signedIn((user, req, res) => uploadAttachment(db, config, user, req, res)),
  );
  router.get(
    '/:id',
    signedIn((user, req, res) => serveAttachment(db, config, user, req, res, 'original')),
  );
  router.get(
    '/:id/thumb',
    signedIn((user, req, res) => serveAttachment(db, config, user, req, res, 'thumb')),
  );
  router.use((_req, res) => sendError(res, 404, '接口不存在'));
  return router;
}
