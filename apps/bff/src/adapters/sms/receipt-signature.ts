import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a pushed receipt batch carries: base64(HMAC-SHA256(callback secret, raw body)). */
export const SMS_RECEIPT_SIGNATURE_HEADER = 'x-citygov-signature';

export function smsReceiptSignature(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

export function smsReceiptSignatureMatches(secret: string, body: Buffer, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(smsReceiptSignature(secret, body));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
