import { z } from 'zod';
import { type SigningCredentials, signedHeaders, verifySignedRequest } from '../signed-json-http';

/**
 * The enforcement system link (执法系统, 省执法办案系统), version 1: JSON over HTTPS. Its
 * interface is not public; this contract is versioned so the real one can replace this file
 * and `enforcement-channel.ts`.
 *
 * Every request (both ways) is signed like the province link:
 *   X-Enforcement-Key:        the caller's key id
 *   X-Enforcement-Timestamp:  unix milliseconds (refused when more than 5 minutes off)
 *   X-Enforcement-Signature:  hex HMAC-SHA256(secret, METHOD \n PATH?QUERY \n TIMESTAMP \n IDEMPOTENCY-KEY \n hex SHA-256(body))
 *   Idempotency-Key:          stable across retries; a repeat is answered with the first answer
 *
 *   GET  /v1/subjects?kind=person|organisation&q=…   subject lookup (name, ID number or 统一社会信用代码)
 *                                                  → 200 { contractVersion, subjects: EnforcementSubject[] }
 *   POST /v1/case-sources                           push a 案源 (EnforcementCaseSource) → 200 { caseSourceId, duplicate }
 *   GET  /v1/health                                 → 200 { ok: true }
 *   feedback webhook (system → us): POST <our base>/api/integrations/enforcement/feedback (EnforcementFeedback)
 */
export const ENFORCEMENT_CONTRACT_VERSION = 'citygov-enforcement/1.0';
export const ENFORCEMENT_PATHS = {
  subjects: '/v1/subjects',
  caseSources: '/v1/case-sources',
  health: '/v1/health',
} as const;
export const ENFORCEMENT_HEADERS = {
  key: 'x-enforcement-key',
  timestamp: 'x-enforcement-timestamp',
  signature: 'x-enforcement-signature',
  idempotencyKey: 'idempotency-key',
} as const;

export const ENFORCEMENT_SUBJECT_KIND_LABELS = { person: '自然人', organisation: '单位' } as const;

/** 违法记录: one violation the system holds against the subject. */
export const ZViolation = z.object({
  recordId: z.string().min(1).max(60),
  at: z.string().datetime({ offset: true }),
  /** e.g. 占道经营, 违规设置户外广告 */
  type: z.string().min(1).max(60),
  description: z.string().max(500),
  place: z.string().max(200),
});

/** 处罚记录: one penalty decision. */
export const ZPenalty = z.object({
  /** 处罚决定书文号 */
  decisionNo: z.string().min(1).max(80),
  at: z.string().datetime({ offset: true }),
  /** e.g. 警告, 罚款, 责令改正 */
  kind: z.string().min(1).max(40),
  /** Yuan; null when not a fine. */
  amount: z.number().nonnegative().nullable(),
  /** e.g. 已执行, 未执行 */
  status: z.string().min(1).max(20),
});

export const ZEnforcementSubject = z.object({
  subjectId: z.string().min(1).max(60),
  kind: z.enum(['person', 'organisation']),
  name: z.string().min(1).max(200),
  /** The ID number or 统一社会信用代码, masked by the system (e.g. 330106********0018). */
  code: z.string().min(1).max(40),
  address: z.string().max(200),
  violations: z.array(ZViolation).max(500),
  penalties: z.array(ZPenalty).max(500),
});
export type EnforcementSubject = z.infer<typeof ZEnforcementSubject>;

export const ZLookupAnswer = z.object({
  contractVersion: z.literal(ENFORCEMENT_CONTRACT_VERSION),
  subjects: z.array(ZEnforcementSubject).max(50),
});

export const ZPushAnswer = z.object({
  caseSourceId: z.string().min(1).max(80),
  duplicate: z.boolean(),
});

/** A 案源 pushed from a city-governance case. */
export const ZEnforcementCaseSource = z.object({
  contractVersion: z.literal(ENFORCEMENT_CONTRACT_VERSION),
  caseNo: z.string().min(1).max(40),
  category: z.string().max(100),
  description: z.string().max(2000),
  address: z.string().max(200),
  coordinates: z.object({ lng: z.number(), lat: z.number(), crs: z.literal('CGCS2000') }),
  districtCode: z.string().max(20),
  streetCode: z.string().max(20),
  reportedAt: z.string().datetime({ offset: true }),
  subjects: z.array(z.object({ subjectId: z.string(), kind: z.enum(['person', 'organisation']), name: z.string() })),
  pushedBy: z.string().max(60),
  pushedAt: z.string().datetime({ offset: true }),
  note: z.string().max(500).nullable(),
});
export type EnforcementCaseSource = z.infer<typeof ZEnforcementCaseSource>;

export const ENFORCEMENT_STAGE_LABELS = { filed: '立案', penalised: '处罚', closed: '结案' } as const;

/** What the enforcement system reports back on a pushed 案源. */
export const ZEnforcementFeedback = z.object({
  contractVersion: z.literal(ENFORCEMENT_CONTRACT_VERSION),
  /** The system's id of this feedback; a repeat with the same id changes nothing. */
  feedbackId: z.string().min(1).max(100),
  caseNo: z.string().min(1).max(40),
  caseSourceId: z.string().min(1).max(80),
  stage: z.enum(['filed', 'penalised', 'closed']),
  /** 执法案件编号 / 处罚决定书文号 when the stage has one. */
  reference: z.string().max(80).nullable(),
  opinion: z.string().max(2000),
  at: z.string().datetime({ offset: true }),
});
export type EnforcementFeedback = z.infer<typeof ZEnforcementFeedback>;

/** Headers of a signed request; `target` is the path with its query string (`/v1/subjects?kind=person&q=…`), as sent. */
export function enforcementHeaders(
  credentials: SigningCredentials,
  method: string,
  target: string,
  idempotencyKey: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  return signedHeaders(ENFORCEMENT_HEADERS, credentials, { method, target, idempotencyKey, body }, now);
}

/** Checks a signed request; returns the reason it is refused, or null when it is good. */
export function verifyEnforcementRequest(
  credentials: SigningCredentials,
  request: { method: string; target: string; headers: Record<string, string | string[] | undefined>; body: string },
  now = Date.now(),
): string | null {
  return verifySignedRequest(ENFORCEMENT_HEADERS, credentials, request, now);
}
