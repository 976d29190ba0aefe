import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DeliveryError, type HealthReport } from './channel';

/**
 * The signed JSON-over-HTTPS shape our own versioned contracts share (the province link,
 * the enforcement system): every request, both ways, carries a key id, a timestamp, an
 * Idempotency-Key and
 *   hex HMAC-SHA256(secret, METHOD \n PATH[?QUERY] \n TIMESTAMP \n IDEMPOTENCY-KEY \n hex SHA-256(body)).
 * Each contract names its own headers; the rule and the error handling live here once.
 */
export interface SignatureHeaderNames {
  key: string;
  timestamp: string;
  signature: string;
  idempotencyKey: string;
}

export interface SigningCredentials {
  key: string;
  secret: string;
}

/** A request whose timestamp is further off than this is refused (replays, wrong clocks). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

function bodyDigest(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

function signRequest(
  secret: string,
  parts: { method: string; target: string; timestamp: string; idempotencyKey: string; body: string },
): string {
  const canonical = [
    parts.method.toUpperCase(),
    parts.target,
    parts.timestamp,
    parts.idempotencyKey,
    bodyDigest(parts.body),
  ];
  return createHmac('sha256', secret).update(canonical.join('\n')).digest('hex');
}

/** Headers of a signed request; `target` is the path with its query string, as sent. */
export function signedHeaders(
  names: SignatureHeaderNames,
  credentials: SigningCredentials,
  request: { method: string; target: string; idempotencyKey: string; body: string },
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(now);
  return {
    'content-type': 'application/json; charset=utf-8',
    [names.key]: credentials.key,
    [names.timestamp]: timestamp,
    [names.idempotencyKey]: request.idempotencyKey,
    [names.signature]: signRequest(credentials.secret, { ...request, timestamp }),
  };
}

/** Checks a signed request; returns the reason it is refused (Chinese), or null when it is good. */
export function verifySignedRequest(
  names: SignatureHeaderNames,
  credentials: SigningCredentials,
  request: { method: string; target: string; headers: Record<string, string | string[] | undefined>; body: string },
  now = Date.now(),
): string | null {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const key = header(names.key);
  const timestamp = header(names.timestamp);
  const signature = header(names.signature);
  const idempotencyKey = header(names.idempotencyKey) ?? '';
  if (!key || !timestamp || !signature) return '缺少签名头';
  if (key !== credentials.key) return '未知的接入密钥';
  const at = Number(timestamp);
  if (!Number.isFinite(at) || Math.abs(now - at) > MAX_CLOCK_SKEW_MS) return '时间戳超出允许范围';
  const expected = signRequest(credentials.secret, {
    method: request.method,
    target: request.target,
    timestamp,
    idempotencyKey,
    body: request.body,
  });
  const given = Buffer.from(signature, 'hex');
  const wanted = Buffer.from(expected, 'hex');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return '签名不正确';
  return null;
}

/**
 * One signed call to `baseUrl` + `pathAndQuery`. A refused connection or a 4xx is
 * 'refused' (400/422 for good: the message itself is wrong); a timeout, a cut connection or
 * a 5xx is 'unknown' (it may have arrived; the contracts dedupe by Idempotency-Key).
 */
export async function callSigned(
  peer: { name: string; url: string; names: SignatureHeaderNames; credentials: SigningCredentials },
  request: { method: string; pathAndQuery: string; idempotencyKey: string; body: string; timeoutMs: number },
): Promise<Response> {
  const base = new URL(peer.url);
  const target = new URL(base.pathname.replace(/\/$/, '') + request.pathAndQuery, base);
  const { method, idempotencyKey, body } = request;
  let answer: Response;
  try {
    answer = await fetch(target, {
      method,
      headers: signedHeaders(peer.names, peer.credentials, {
        method,
        target: target.pathname + target.search,
        idempotencyKey,
        body,
      }),
      ...(method === 'GET' ? {} : { body }),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    if (cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'EHOSTUNREACH') {
      throw new DeliveryError(`无法连接${peer.name}（${cause}）`, 'refused');
    }
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new DeliveryError(
      timedOut ? `${peer.name}应答超时` : `${peer.name}连接中断（${cause ?? String(error)}）`,
      'unknown',
    );
  }
  if (answer.ok) return answer;
  const text = (await answer.text().catch(() => '')).slice(0, 200);
  if (answer.status === 400 || answer.status === 422) {
    throw new DeliveryError(`${peer.name}拒收（HTTP ${answer.status}）：${text}`, 'refused', true);
  }
  if (answer.status === 401 || answer.status === 403) {
    throw new DeliveryError(`${peer.name}拒绝签名（HTTP ${answer.status}）：${text}`, 'refused');
  }
  throw new DeliveryError(`${peer.name}出错（HTTP ${answer.status}）`, 'unknown');
}

/** A signed GET of the peer's health path, at most 2 s: 正常 with the time it took, or why not. */
export async function probeSigned(
  peer: Parameters<typeof callSigned>[0],
  path: string,
  timeoutMs: number,
): Promise<HealthReport> {
  const started = Date.now();
  try {
    await callSigned(peer, {
      method: 'GET',
      pathAndQuery: path,
      idempotencyKey: '',
      body: '',
      timeoutMs: Math.min(timeoutMs, 2_000),
    });
    return { ok: true, detail: `正常（${Date.now() - started} ms）` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
