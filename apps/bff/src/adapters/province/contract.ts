import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

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
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

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

export function bodyDigest(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

export function signProvinceRequest(
  secret: string,
  parts: { method: string; path: string; timestamp: string; idempotencyKey: string; body: string },
): string {
  const canonical = [
    parts.method.toUpperCase(),
    parts.path,
    parts.timestamp,
    parts.idempotencyKey,
    bodyDigest(parts.body),
  ];
  return createHmac('sha256', secret).update(canonical.join('\n')).digest('hex');
}

/** Headers of a signed request. */
export function provinceHeaders(
  credentials: { key: string; secret: string },
  method: string,
  path: string,
  idempotencyKey: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(now);
  return {
    'content-type': 'application/json; charset=utf-8',
    [PROVINCE_HEADERS.key]: credentials.key,
    [PROVINCE_HEADERS.timestamp]: timestamp,
    [PROVINCE_HEADERS.idempotencyKey]: idempotencyKey,
    [PROVINCE_HEADERS.signature]: signProvinceRequest(credentials.secret, {
      method,
      path,
      timestamp,
      idempotencyKey,
      body,
    }),
  };
}

/** Checks a signed request; returns the reason it is refused, or null when it is good. */
export function verifyProvinceRequest(
  credentials: { key: string; secret: string },
  request: { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string },
  now = Date.now(),
): string | null {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const key = header(PROVINCE_HEADERS.key);
  const timestamp = header(PROVINCE_HEADERS.timestamp);
  const signature = header(PROVINCE_HEADERS.signature);
  const idempotencyKey = header(PROVINCE_HEADERS.idempotencyKey) ?? '';
  if (!key || !timestamp || !signature) return '缺少签名头';
  if (key !== credentials.key) return '未知的接入密钥';
  const at = Number(timestamp);
  if (!Number.isFinite(at) || Math.abs(now - at) > MAX_CLOCK_SKEW_MS) return '时间戳超出允许范围';
  const expected = signProvinceRequest(credentials.secret, {
    method: request.method,
    path: request.path,
    timestamp,
    idempotencyKey,
    body: request.body,
  });
  const given = Buffer.from(signature, 'hex');
  const wanted = Buffer.from(expected, 'hex');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return '签名不正确';
  return null;
}
