import type { Database } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { integrationCallbacks } from '@citygov/db/schema/outbox';
import { eq } from 'drizzle-orm';
import express, { type Router } from 'express';
import { z } from 'zod';
import { PROVINCE_CONTRACT_VERSION, verifyProvinceRequest } from '../../adapters/province/contract';
import { PROVINCE_ACTOR_NAME } from '../../adapters/province/province-channel';
import type { AppConfig } from '../../env';
import { enforcementFeedbackHandler } from '../enforcement/api';
import { appendCaseEvent } from '../events/api';

const ZFeedback = z.object({
  contractVersion: z.literal(PROVINCE_CONTRACT_VERSION),
  feedbackId: z.string().min(1).max(100),
  caseNo: z.string().min(1).max(40),
  kind: z.string().min(1).max(20),
  opinion: z.string().max(2000),
  at: z.string().datetime({ offset: true }),
});

/**
 * Inbound callbacks of outside systems (no session, no CSRF header: mounted before the
 * guard, authenticated by their signature). The province's feedback (督办, 退回, 评价) and the
 * enforcement system's (立案, 处罚, 结案) are taken once per feedback id and noted on the case's timeline in the same transaction.
 */
export function createIntegrationRoutes(db: Database, config: AppConfig): Router {
  const routes = express.Router();
  routes.post('/province/feedback', express.text({ type: () => true, limit: '256kb' }), async (req, res, next) => {
    try {
      const body = typeof req.body === 'string' ? req.body : '';
      const refused = verifyProvinceRequest(config.provinceCredentials, {
        method: req.method,
        path: req.originalUrl.split('?')[0] ?? '',
        headers: req.headers,
        body,
      });
      if (refused) {
        res.status(401).json({ error: { code: 'SIGNATURE_REFUSED', message: refused } });
        return;
      }
      let parsed: z.infer<typeof ZFeedback>;
      try {
        parsed = ZFeedback.parse(JSON.parse(body));
      } catch {
        res.status(400).json({ error: { code: 'FIELD_INVALID', message: '反馈报文格式不正确' } });
        return;
      }
      const outcome = await db.transaction(async (tx) => {
        const [row] = await tx
          .select({ id: cases.id, status: cases.status })
          .from(cases)
          .where(eq(cases.caseNo, parsed.caseNo));
        if (!row) return 'unknown-case' as const;
        const [taken] = await tx
          .insert(integrationCallbacks)
          .values({ system: 'province', callbackId: parsed.feedbackId, caseNo: parsed.caseNo, payload: parsed })
          .onConflictDoNothing()
          .returning({ id: integrationCallbacks.id });
        if (!taken) return 'duplicate' as const;
        await appendCaseEvent(tx, {
          caseId: row.id,
          action: 'remark',
          label: '备注',
          actor: { kind: 'system', id: null, name: PROVINCE_ACTOR_NAME },
          fromStatus: row.status,
          toStatus: row.status,
          reason: `省平台${parsed.kind}：${parsed.opinion}`,
          detail: { provinceFeedbackId: parsed.feedbackId },
          at: new Date(parsed.at),
        });
        return 'taken' as const;
      });
      if (outcome === 'unknown-case') {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: '没有这个案件编号' } });
        return;
      }
      res.json({ accepted: true, duplicate: outcome === 'duplicate' });
    } catch (error) {
      next(error);
    }
  });
  routes.post(
    '/enforcement/feedback',
    express.text({ type: () => true, limit: '256kb' }),
    enforcementFeedbackHandler(db, config),
  );
  return routes;
}
