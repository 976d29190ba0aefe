import type { Database, Transaction } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { integrationCallbacks } from '@citygov/db/schema/outbox';
import { eq } from 'drizzle-orm';
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import type { IntegrationSystem } from '../../adapters/channel';
import { appendCaseEvent } from '../events/api';

type Feedback = Record<string, unknown> & {
  feedbackId: string;
  caseNo: string;
  at: string;
};

/** What one outside system's feedback webhook needs beyond what every one does. */
export interface SignedFeedbackSpec<T extends Feedback> {
  system: IntegrationSystem;
  /** Timeline actor of the system's own entries. */
  actorName: string;
  /** The reason a request is refused (Chinese), or null; `target` is the path with its query, as received. */
  verify: (request: {
    method: string;
    target: string;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }) => string | null;
  schema: z.ZodType<T>;
  /** Feedback the case may not take (e.g. on a 案源 never pushed): the reason, or null. */
  refuse?: (tx: Transaction, caseId: number) => Promise<string | null>;
  /** The timeline note the feedback becomes. */
  note: (feedback: T) => { reason: string; detail: Record<string, unknown> };
}

/**
 * An outside system's feedback webhook: verified by its signature (401), parsed (400),
 * taken once per feedback id and noted on the case's timeline in the same transaction;
 * an unknown case is 404, a refused one 409. Mounted with a text body parser.
 */
export function signedFeedbackHandler<T extends Feedback>(db: Database, spec: SignedFeedbackSpec<T>): RequestHandler {
  return async (req, res, next) => {
    try {
      const body = typeof req.body === 'string' ? req.body : '';
      const refused = spec.verify({ method: req.method, target: req.originalUrl, headers: req.headers, body });
      if (refused) {
        res.status(401).json({ error: { code: 'SIGNATURE_REFUSED', message: refused } });
        return;
      }
      let parsed: T;
      try {
        parsed = spec.schema.parse(JSON.parse(body));
      } catch {
        res.status(400).json({ error: { code: 'FIELD_INVALID', message: '反馈报文格式不正确' } });
        return;
      }
      const outcome = await db.transaction(async (tx) => {
        const [row] = await tx
          .select({ id: cases.id, status: cases.status })
          .from(cases)
          .where(eq(cases.caseNo, parsed.caseNo));
        if (!row) return { kind: 'unknown-case' } as const;
        const refusal = spec.refuse ? await spec.refuse(tx, row.id) : null;
        if (refusal) return { kind: 'refused', reason: refusal } as const;
        const [taken] = await tx
          .insert(integrationCallbacks)
          .values({ system: spec.system, callbackId: parsed.feedbackId, caseNo: parsed.caseNo, payload: parsed })
          .onConflictDoNothing()
          .returning({ id: integrationCallbacks.id });
        if (!taken) return { kind: 'duplicate' } as const;
        const { reason, detail } = spec.note(parsed);
        await appendCaseEvent(tx, {
          caseId: row.id,
          action: 'remark',
          label: '备注',
          actor: { kind: 'system', id: null, name: spec.actorName },
          fromStatus: row.status,
          toStatus: row.status,
          reason,
          detail,
          at: new Date(parsed.at),
        });
        return { kind: 'taken' } as const;
      });
      if (outcome.kind === 'unknown-case') {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: '没有这个案件编号' } });
        return;
      }
      if (outcome.kind === 'refused') {
        res.status(409).json({ error: { code: 'CONFLICT', message: outcome.reason } });
        return;
      }
      res.json({ accepted: true, duplicate: outcome.kind === 'duplicate' });
    } catch (error) {
      next(error);
    }
  };
}
