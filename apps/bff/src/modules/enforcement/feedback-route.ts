import type { Database } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { integrationCallbacks } from '@citygov/db/schema/outbox';
import { eq } from 'drizzle-orm';
import type { RequestHandler } from 'express';
import {
  ENFORCEMENT_STAGE_LABELS,
  type EnforcementFeedback,
  verifyEnforcementRequest,
  ZEnforcementFeedback,
} from '../../adapters/enforcement/contract';
import { ENFORCEMENT_ACTOR_NAME } from '../../adapters/enforcement/enforcement-channel';
import type { AppConfig } from '../../env';
import { appendCaseEvent } from '../events/api';
import { caseSourceQueued } from './enforcement-push';

/**
 * The enforcement system's feedback webhook (立案, 处罚, 结案 on a pushed 案源): signed like
 * every call of the link, taken once per feedback id, and noted on the case's timeline in
 * the same transaction. Mounted under /api/integrations with a text body parser.
 */
export function enforcementFeedbackHandler(
  db: Database,
  config: Pick<AppConfig, 'enforcementCredentials'>,
): RequestHandler {
  return async (req, res, next) => {
    try {
      const body = typeof req.body === 'string' ? req.body : '';
      const refused = verifyEnforcementRequest(config.enforcementCredentials, {
        method: req.method,
        target: req.originalUrl,
        headers: req.headers,
        body,
      });
      if (refused) {
        res.status(401).json({ error: { code: 'SIGNATURE_REFUSED', message: refused } });
        return;
      }
      let parsed: EnforcementFeedback;
      try {
        parsed = ZEnforcementFeedback.parse(JSON.parse(body));
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
        // Feedback only on a case whose 案源 was pushed (by us, through the outbox).
        if (!(await caseSourceQueued(tx, row.id))) return 'not-pushed' as const;
        const [taken] = await tx
          .insert(integrationCallbacks)
          .values({ system: 'enforcement', callbackId: parsed.feedbackId, caseNo: parsed.caseNo, payload: parsed })
          .onConflictDoNothing()
          .returning({ id: integrationCallbacks.id });
        if (!taken) return 'duplicate' as const;
        const reference = parsed.reference ? `（${parsed.reference}）` : '';
        await appendCaseEvent(tx, {
          caseId: row.id,
          action: 'remark',
          label: '备注',
          actor: { kind: 'system', id: null, name: ENFORCEMENT_ACTOR_NAME },
          fromStatus: row.status,
          toStatus: row.status,
          reason: `执法系统${ENFORCEMENT_STAGE_LABELS[parsed.stage]}${reference}：${parsed.opinion}`,
          detail: { enforcementFeedbackId: parsed.feedbackId, enforcementStage: parsed.stage },
          at: new Date(parsed.at),
        });
        return 'taken' as const;
      });
      if (outcome === 'not-pushed') {
        res.status(409).json({ error: { code: 'CONFLICT', message: '该案件未推送执法系统，不接收反馈' } });
        return;
      }
      if (outcome === 'unknown-case') {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: '没有这个案件编号' } });
        return;
      }
      res.json({ accepted: true, duplicate: outcome === 'duplicate' });
    } catch (error) {
      next(error);
    }
  };
}
