import { type SigningCredentials, signedHeaders, verifySignedRequest } from '../signed-json-http';

/**
 * The province platform link (城市综合管理服务平台), version 1: JSON over HTTPS. The real
 * field tables are not public; this contract carries GB/T 30428-style case fields and is
 * versioned so the real specification can replace `mapping.ts` and this file.
 *
 * Every request (both ways) is signed:
 *   X-Province-Key:        the caller's key id
 *   X-Province-Timestamp:  unix milliseconds (refused when more than 5 minutes off)
 *   X-Province-Signature:  hex HMAC-SHA256(secret, METHOD \n PATH \n TIMESTAMP \n IDEMPOTENCY-KEY \n hex SHA-256(body))
 *   Idempotency-Key:       stable across retries; the platform answers a repeat with the first answer
 *
 *   POST /v1/case-events         a case change (ProvinceCaseEvent) → 200 { recordId, duplicate }
 *   POST /v1/statistics/daily    a day's figures (ProvinceDailyStatistics) → 200 { recordId, duplicate }
 *   GET  /v1/health              → 200 { ok: true }
 *   feedback webhook (platform → us): POST <our base>/api/integrations/province/feedback (ProvinceFeedback)
 */
export const PROVINCE_CONTRACT_VERSION = 'citygov-province/1.0';
export const PROVINCE_PATHS = {
  caseEvents: '/v1/case-events',
  dailyStatistics: '/v1/statistics/daily',
  health: '/v1/health',
} as const;
export const PROVINCE_HEADERS = {
  key: 'x-province-key',
  timestamp: 'x-province-timestamp',
  signature: 'x-province-signature',
  idempotencyKey: 'idempotency-key',
} as const;

export interface ProvinceCaseEvent {
  contractVersion: typeof PROVINCE_CONTRACT_VERSION;
  /** 案件编号 */
  caseNo: string;
  /** 案件来源 code */
  source: string;
  /** 案件类型: 事件 or 部件 */
  caseType: 'event' | 'component';
  /** 大类 and 小类 codes */
  majorCode: string;
  minorCode: string;
  /** 单元网格 code (14 digits) with its street and district */
  gridCode: string;
  streetCode: string;
  districtCode: string;
  coordinates: { lng: number; lat: number; crs: 'CGCS2000' };
  address: string;
  description: string;
  urgency: string;
  attachments: { id: string; purpose: string; mime: string; sha256: string }[];
  /** This change: one link of the case's status chain. */
  event: {
    seq: number;
    action: string;
    label: string;
    fromStatus: string | null;
    toStatus: string;
    actor: string;
    reason: string | null;
    at: string;
  };
  timestamps: { reportedAt: string; deadlineAt: string | null; closedAt: string | null };
}

export interface ProvinceDailyStatistics {
  contractVersion: typeof PROVINCE_CONTRACT_VERSION;
  day: string;
  districtCode: string;
  reported: number;
  filed: number;
  closed: number;
  closedOnTime: number;
}

export interface ProvinceFeedback {
  contractVersion: typeof PROVINCE_CONTRACT_VERSION;
  /** The platform's id of this feedback; a repeat with the same id changes nothing. */
  feedbackId: string;
  caseNo: string;
  /** e.g. 督办, 退回, 评价 */
  kind: string;
  opinion: string;
  at: string;
}

export interface ProvinceAnswer {
  recordId: string;
  duplicate: boolean;
}

/** Headers of a signed request to or from the platform. */
export function provinceHeaders(
  credentials: SigningCredentials,
  method: string,
  path: string,
  idempotencyKey: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  return signedHeaders(PROVINCE_HEADERS, credentials, { method, target: path, idempotencyKey, body }, now);
}

/** Checks a signed request; returns the reason it is refused, or null when it is good. */
export function verifyProvinceRequest(
  credentials: SigningCredentials,
  request: { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string },
  now = Date.now(),
): string | null {
  const { path, ...rest } = request;
  return verifySignedRequest(PROVINCE_HEADERS, credentials, { ...rest, target: path }, now);
}
