import type { Database } from '@citygov/db/client';
import { type NextFunction, type Request, type Response, Router } from 'express';
import type { AppConfig } from '../../env';
import { drainRequest } from '../../http/drain-request';
import { sendHttpError } from '../../http/http-errors';
import type { SessionUser } from '../../trpc/session-user';
import { requireSessionUser } from './http-helpers';
import { serveAttachment } from './serve-attachment';
import { uploadAttachment } from './upload-attachment';

type Handler = (user: SessionUser, req: Request, res: Response) => Promise<void>;

/**
 * Photos and videos over plain HTTP (multipart upload, byte-range download), outside
 * tRPC; mounted at /api/attachments behind the app's CSRF guard. Uses the same
 * session cookie as tRPC. Errors go to the app's one error handler.
 */
export function createAttachmentRoutes(db: Database, config: AppConfig): Router {
  const signedIn =
    (handler: Handler) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      try {
        const user = await requireSessionUser(db, config, req, res);
        if (user) await handler(user, req, res);
        else drainRequest(req, config.maxVideoBytes);
      } catch (error) {
        drainRequest(req, config.maxVideoBytes);
        next(error);
      }
    };

  const router = Router();
  router.post(
    '/',
    signedIn((user, req, res) => uploadAttachment(db, config, user, req, res)),
  );
  // GET also answers HEAD, through the same scope check.
  router.get(
    '/:id',
    signedIn((user, req, res) => serveAttachment(db, config, user, req, res, 'original')),
  );
  router.get(
    '/:id/thumb',
    signedIn((user, req, res) => serveAttachment(db, config, user, req, res, 'thumb')),
  );
  router.use((_req, res) => sendHttpError(res, 404, '接口不存在'));
  return router;
}
