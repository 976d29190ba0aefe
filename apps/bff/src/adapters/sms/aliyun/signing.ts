import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Alibaba Cloud RPC-style signature (SignatureVersion 1.0, HMAC-SHA1), as Dysmsapi's
 * SendSms and QuerySendDetails take it: every parameter but Signature, sorted by name,
 * each name and value percent-encoded (RFC 3986: only A-Z a-z 0-9 - _ . ~ stay), joined
 * name=value&…; StringToSign = METHOD & %2F & percentEncode(that); Signature =
 * base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)).
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function aliyunStringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key] ?? '')}`)
    .join('&');
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

export function aliyunSignature(secret: string, method: string, params: Record<string, string>): string {
  return createHmac('sha1', `${secret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');
}

/** Whether a request's Signature matches its other parameters (the simulator's check). */
export function aliyunSignatureMatches(secret: string, method: string, params: Record<string, string>): boolean {
  const given = Buffer.from(params.Signature ?? '');
  const expected = Buffer.from(aliyunSignature(secret, method, params));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
