import type { NextFunction, Request, Response } from 'express';
import { sendHttpError } from './http-errors';

/**
 * A path whose percent-encoding does not decode (`/api/attachments/%ED%A0%80`) is bad
 * input for every route behind this: answer 400 once here rather than let each router,
 * static file server or the SPA fallback stumble on it.
 */
export function rejectMalformedUrl(req: Request, res: Response, next: NextFunction): void {
  try {
    decodeURIComponent(req.path);
  } catch {
    sendHttpError(res, 400, '网址编码错误：请检查链接是否完整');
    return;
  }
  next();
}
