import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The IRS application gateway's signed headers (浙里办 single sign-on goes through it):
 *   X-BG-HMAC-ACCESS-KEY   the access key
 *   X-BG-HMAC-ALGORITHM    hmac-sha256
 *   X-BG-DATE-TIME         the request time, HTTP date (GMT)
 *   X-BG-HMAC-SIGNATURE    base64(HMAC-SHA256(secret, METHOD \n path \n sorted query \n access key \n date \n))
 */
export function zlbStringToSign(method: string, path: string, query: string, accessKey: string, dateTime: string) {
  const sortedQuery = query.split('&').filter(Boolean).sort().join('&');
  return `${method.toUpperCase()}\n${path}\n${sortedQuery}\n${accessKey}\n${dateTime}\n`;
}

export function signZlbRequest(input: {
  method: string;
  path: string;
  query?: string;
  accessKey: string;
  secretKey: string;
  now?: Date;
}): Record<string, string> {
  const dateTime = (input.now ?? new Date()).toUTCString();
  const text = zlbStringToSign(input.method, input.path, input.query ?? '', input.accessKey, dateTime);
  return {
    'X-BG-HMAC-ACCESS-KEY': input.accessKey,
    'X-BG-HMAC-ALGORITHM': 'hmac-sha256',
    'X-BG-DATE-TIME': dateTime,
    'X-BG-HMAC-SIGNATURE': createHmac('sha256', input.secretKey).update(text, 'utf8').digest('base64'),
  };
}

/** Why the gateway refuses a request, or null (the simulator's check). */
export function zlbSignatureProblem(input: {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  secretOf: (accessKey: string) => string | undefined;
  now?: Date;
}): string | null {
  const h = (name: string) => {
    const v = input.headers[name.toLowerCase()];
    return typeof v === 'string' ? v : undefined;
  };
  const accessKey = h('X-BG-HMAC-ACCESS-KEY');
  const dateTime = h('X-BG-DATE-TIME');
  const signature = h('X-BG-HMAC-SIGNATURE');
  if (!accessKey || !dateTime || !signature) return 'missing signature headers';
  if (h('X-BG-HMAC-ALGORITHM') !== 'hmac-sha256') return 'unsupported algorithm';
  const secret = input.secretOf(accessKey);
  if (!secret) return 'unknown access key';
  const at = Date.parse(dateTime);
  if (!Number.isFinite(at) || Math.abs((input.now ?? new Date()).getTime() - at) > 300_000) return 'date out of range';
  const expected = Buffer.from(
    createHmac('sha256', secret)
      .update(zlbStringToSign(input.method, input.path, input.query, accessKey, dateTime), 'utf8')
      .digest('base64'),
  );
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'signature mismatch';
  return null;
}
