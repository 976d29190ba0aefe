import type { Database } from '@citygov/db/client';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../env';
import { sendHttpError } from '../../http/http-errors';
import { createRequestContext } from '../../trpc/create-context';
import { KIOSK_REFUSAL } from '../../trpc/kiosk';
import type { SessionUser } from '../../trpc/session-user';
import type { MediaKind } from './media-types';

/**
 * The signed-in user from the session cookie (the same session tRPC uses), or null
 * after answering 401.
 */
export async function requireSessionUser(
  db: Database,
  config: AppConfig,
  req: Request,
  res: Response,
): Promise<SessionUser | null> {
  const ctx = await createRequestContext(db, config, req, res);
  if (!ctx.user) {
    sendHttpError(res, 401, ctx.sessionProblem ?? '请先登录');
    return null;
  }
  if (ctx.user.kiosk) {
    sendHttpError(res, 403, KIOSK_REFUSAL);
    return null;
  }
  return ctx.user;
}

export function attachmentUrls(id: number, kind: MediaKind): { url: string; thumbUrl: string | null } {
  const url = `/api/attachments/${id}`;
  return { url, thumbUrl: kind === 'photo' ? `${url}/thumb` : null };
}
