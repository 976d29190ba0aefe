import type { Database } from '@citygov/db/client';
import express, { type Router } from 'express';
import { z } from 'zod';
import {
  ENFORCEMENT_STAGE_LABELS,
  verifyEnforcementRequest,
  ZEnforcementFeedback,
} from '../../adapters/enforcement/contract';
import { ENFORCEMENT_ACTOR_NAME } from '../../adapters/enforcement/enforcement-channel';
import { PROVINCE_CONTRACT_VERSION, verifyProvinceRequest } from '../../adapters/province/contract';
import { PROVINCE_ACTOR_NAME } from '../../adapters/province/province-channel';
import type { AppConfig } from '../../env';
import { caseSourceQueued } from '../enforcement/api';
import { signedFeedbackHandler } from './signed-feedback';

const ZProvinceFeedback = z.object({
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
 * enforcement system's (立案, 处罚, 结案 on a pushed 案源) are taken once per feedback id and
 * noted on the case's timeline in the same transaction.
 */
export function createIntegrationRoutes(db: Database, config: AppConfig): Router {
  const routes = express.Router();
  const textBody = express.text({ type: () => true, limit: '256kb' });
  routes.post(
    '/province/feedback',
    textBody,
    signedFeedbackHandler(db, {
      system: 'province',
      actorName: PROVINCE_ACTOR_NAME,
      // The province signs the path without its query string.
      verify: ({ target, ...request }) =>
        verifyProvinceRequest(config.provinceCredentials, { ...request, path: target.split('?')[0] ?? '' }),
      schema: ZProvinceFeedback,
      note: (feedback) => ({
        reason: `省平台${feedback.kind}：${feedback.opinion}`,
        detail: { provinceFeedbackId: feedback.feedbackId },
      }),
    }),
  );
  routes.post(
    '/enforcement/feedback',
    textBody,
    signedFeedbackHandler(db, {
      system: 'enforcement',
      actorName: ENFORCEMENT_ACTOR_NAME,
      verify: (request) => verifyEnforcementRequest(config.enforcementCredentials, request),
      schema: ZEnforcementFeedback,
      // Feedback only on a case whose 案源 was pushed (by us, through the outbox).
      refuse: async (tx, caseId) => ((await caseSourceQueued(tx, caseId)) ? null : '该案件未推送执法系统，不接收反馈'),
      note: (feedback) => ({
        reason: `执法系统${ENFORCEMENT_STAGE_LABELS[feedback.stage]}${feedback.reference ? `（${feedback.reference}）` : ''}：${feedback.opinion}`,
        detail: { enforcementFeedbackId: feedback.feedbackId, enforcementStage: feedback.stage },
      }),
    }),
  );
  return routes;
}
