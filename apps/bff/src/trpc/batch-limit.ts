import type { Database } from '@citygov/db/client';
import type { RequestHandler } from 'express';
import superjson from 'superjson';
import { writeAudit } from '../modules/audit/api';

/** Calls one HTTP request may batch (the web client batches at most 20, see apps/web/src/lib/trpc.ts). */
export const MAX_BATCH_CALLS = 50;

/**
 * Refuses a tRPC batch of more than MAX_BATCH_CALLS calls before tRPC parses its body
 * (one POST could otherwise run 1,000 procedures): 413 with a Chinese message, shaped
 * as a tRPC error so the client shows it, and one audit row for the refusal.
 */
export function limitTrpcBatch(db: Database): RequestHandler {
  return (req, res, next) => {
    if (req.query.batch !== '1') return next();
    const paths = req.path.slice(req.path.lastIndexOf('/') + 1).split(',');
    if (paths.length <= MAX_BATCH_CALLS) return next();
    const message = `一次请求最多包含 ${MAX_BATCH_CALLS} 个调用（收到 ${paths.length} 个），请分批提交`;
    void writeAudit(db, {
      userId: null,
      username: null,
      action: 'trpc.batch',
      outcome: 'failed',
      detail: { calls: paths.length, paths: paths.slice(0, 5) },
      error: message,
      ip: req.ip ?? null,
      areaPath: null,
    }).catch((failure: unknown) => console.error('[audit] refused batch not logged:', failure));
    res.status(413).json({
      error: superjson.serialize({
        message,
        code: -32600,
        data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413, appCode: 'BATCH_TOO_LARGE', fieldErrors: null },
      }),
    });
  };
}
