import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The 专有钉钉 / 浙政钉 open platform's request signature (its SDK's ExecutableClient):
 * every call carries
 *   apiKey                  the app key
 *   X-Hmac-Auth-Timestamp   local time with offset, e.g. 2026-12-03T17:25:00.123+08:00
 *   X-Hmac-Auth-Version     1.0
 *   X-Hmac-Auth-Nonce       a value used once (milliseconds + 4 random digits)
 *   X-Hmac-Auth-Signature   base64(HMAC-SHA256(secret, bytesToSign))
 * where bytesToSign = METHOD \n timestamp \n nonce \n URI, followed by \n and the request's
 * parameters (query or form body) sorted by name and joined as name=value&… when there are any.
 */
export const ZZD_SIGNATURE_VERSION = '1.0';

export type ZzdParams = Record<string, string | readonly string[]>;

/** Parameters sorted by name (values of one name sorted too), joined name=value&… unencoded. */
export function canonicalParams(params: ZzdParams): string {
  return Object.keys(params)
    .sort()
    .flatMap((key) => {
      const value = params[key];
      const values = typeof value === 'string' ? [value] : [...(value ?? [])].sort();
      return values.map((v) => `${key}=${v}`);
    })
    .join('&');
}

export function zzdBytesToSign(method: string, timestamp: string, nonce: string, uri: string, params: ZzdParams) {
  const base = `${method.toUpperCase()}\n${timestamp}\n${nonce}\n${uri}`;
  const query = canonicalParams(params);
  return query ? `${base}\n${query}` : base;
}

export function zzdSignature(secret: string, bytesToSign: string): string {
  return createHmac('sha256', secret).update(bytesToSign, 'utf8').digest('base64');
}

/** "2026-12-03T17:25:00.123+08:00": China time, as the platform's SDK writes it. */
export function zzdTimestamp(now: Date): string {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 23)}+08:00`;
}

export function zzdNonce(now: Date): string {
  return `${now.getTime()}${String(randomInt(0, 10_000)).padStart(4, '0')}`;
}

export interface ZzdSignedHeaders {
  apiKey: string;
  'X-Hmac-Auth-Timestamp': string;
  'X-Hmac-Auth-Version': string;
  'X-Hmac-Auth-Nonce': string;
  'X-Hmac-Auth-Signature': string;
}

export function signZzdRequest(input: {
  method: string;
  uri: string;
  params: ZzdParams;
  appKey: string;
  appSecret: string;
  now?: Date;
  nonce?: string;
}): ZzdSignedHeaders {
  const now = input.now ?? new Date();
  const timestamp = zzdTimestamp(now);
  const nonce = input.nonce ?? zzdNonce(now);
  const bytes = zzdBytesToSign(input.method, timestamp, nonce, input.uri, input.params);
  return {
    apiKey: input.appKey,
    'X-Hmac-Auth-Timestamp': timestamp,
    'X-Hmac-Auth-Version': ZZD_SIGNATURE_VERSION,
    'X-Hmac-Auth-Nonce': nonce,
    'X-Hmac-Auth-Signature': zzdSignature(input.appSecret, bytes),
  };
}

/** Why a signed request is refused, or null when it is good (the simulator's check, as the platform's). */
export function zzdSignatureProblem(input: {
  method: string;
  uri: string;
  params: ZzdParams;
  headers: Record<string, string | string[] | undefined>;
  secretOf: (appKey: string) => string | undefined;
  now?: Date;
  maxSkewMs?: number;
  seenNonce?: (nonce: string) => boolean;
}): string | null {
  const header = (name: string) => {
    const value = input.headers[name.toLowerCase()];
    return typeof value === 'string' ? value : undefined;
  };
  const apiKey = header('apiKey');
  const timestamp = header('X-Hmac-Auth-Timestamp');
  const nonce = header('X-Hmac-Auth-Nonce');
  const signature = header('X-Hmac-Auth-Signature');
  if (!apiKey || !timestamp || !nonce || !signature) return 'missing signature headers';
  if (header('X-Hmac-Auth-Version') !== ZZD_SIGNATURE_VERSION) return 'unsupported signature version';
  const secret = input.secretOf(apiKey);
  if (!secret) return 'unknown apiKey';
  const at = Date.parse(timestamp);
  const now = (input.now ?? new Date()).getTime();
  if (!Number.isFinite(at) || Math.abs(now - at) > (input.maxSkewMs ?? 300_000)) return 'timestamp out of range';
  const expected = Buffer.from(
    zzdSignature(secret, zzdBytesToSign(input.method, timestamp, nonce, input.uri, input.params)),
  );
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'signature mismatch';
  if (input.seenNonce?.(nonce)) return 'nonce replayed';
  return null;
}
