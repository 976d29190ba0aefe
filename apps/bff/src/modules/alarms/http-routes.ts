import type { Database } from '@citygov/db/client';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { verifySignedRequest } from '../../adapters/signed-json-http';
import type { AppConfig } from '../../env';
import { ALARM_HEADERS, MAX_ALARMS_PER_BATCH, MAX_BATCH_BYTES, ZAlarmBatch } from './alarm-batch-contract';
import { receiveAlarmBatch } from './receive-alarm-batch';

function refuse(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ error: { code, message } });
}

/**
 * Machine alarm sources (mounted at /api/alarms, before the CSRF guard: no session, the
 * signature authenticates). `POST /batch` takes up to 1,000 alarms; the answer lists each
 * alarm's outcome (opened / sighting / ignored / duplicate / rejected) and case number.
 */
export function createAlarmRoutes(db: Database, config: AppConfig): Router {
  const routes = express.Router();
  routes.post(
    '/batch',
    express.text({ type: () => true, limit: MAX_BATCH_BYTES }),
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const body = typeof req.body === 'string' ? req.body : '';
        const refused = verifySignedRequest(ALARM_HEADERS, config.alarmIntake, {
          method: req.method,
          target: req.originalUrl,
          headers: req.headers,
          body,
        });
        if (refused) return refuse(res, 401, 'SIGNATURE_REFUSED', refused);
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          return refuse(res, 400, 'BAD_REQUEST', '请求体不是合法的 JSON');
        }
        const batch = ZAlarmBatch.safeParse(json);
        if (!batch.success) {
          const message =
            batch.error.issues[0]?.message ?? `请求体应为 {"alarms": [...]}，每批 1 到 ${MAX_ALARMS_PER_BATCH} 条`;
          return refuse(res, 400, 'BAD_REQUEST', message);
        }
        const results = await receiveAlarmBatch(db, batch.data.alarms);
        const counts = { opened: 0, sighting: 0, ignored: 0, duplicate: 0, rejected: 0 };
        for (const r of results) counts[r.outcome]++;
        res.status(200).json({ received: results.length, counts, results });
      } catch (error) {
        next(error);
      }
    },
  );
  // A body over the limit or unreadable: the parser's error, said plainly (never a 500).
  routes.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') {
      return refuse(
        res,
        400,
        'BAD_REQUEST',
        `批次过大：请求体最多 ${MAX_BATCH_BYTES / 1024 / 1024} MB（每批最多 ${MAX_ALARMS_PER_BATCH} 条告警）`,
      );
    }
    if (typeof type === 'string' && type.startsWith('encoding.'))
      return refuse(res, 400, 'BAD_REQUEST', '请求体编码不支持，请用 UTF-8');
    next(error);
  });
  return routes;
}
