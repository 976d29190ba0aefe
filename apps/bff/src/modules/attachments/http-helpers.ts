import type { Database } from '@citygov/db/client';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../env';
import type { SessionUser } from '../../trpc/context';
import { createRequestContext } from '../../trpc/create-context';
import type { MediaKind } from './media-types';

export function sendError(res: Response, status: number, message: string): void {
  if (res.headersSent) return;
  res.status(status).json({ error: message });
}

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
    sendError(res, 401, ctx.sessionProblem ?? '请先登录');
    return null;
  }
  return ctx.user;
}

/**
 * After refusing an upload early, read and drop the rest of the body so the client
 * (still sending) gets the answer instead of a reset connection; a client that keeps
 * sending far beyond any allowed size is cut off.
 */
export function discardBody(req: Request, capBytes: number): void {
  if (req.complete) return;
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > capBytes) req.socket.destroy();
  });
  req.resume();
}

export function attachmentUrls(id: number, kind: MediaKind): { url: string; thumbUrl: string | null } {
  const url = `/api/attachments/${id}`;
  return { url, thumbUrl: kind === 'photo' ? `${url}/thumb` : null };
}
