import { connect } from 'node:net';
import { parseRawAnswer } from '../testing/raw-http';

/** One request as the fuzzer sends it: bytes on a fresh loopback connection. */
export interface RawRequest {
  /** The request line and headers (without the blank line) and the body, exactly as sent. */
  head: string;
  body: Buffer;
  /** The client goes away right after writing (a cut-off upload, a closed tab). */
  vanish?: boolean;
}

export type RawOutcome =
  | { kind: 'answer'; status: number; contentType: string; body: string }
  /** The client left on purpose; only the server's health afterwards matters. */
  | { kind: 'vanished' }
  /** No complete answer in time: a hang, reported apart from the statuses. */
  | { kind: 'timeout' }
  /** Refused or reset before any answer: the server may be down. */
  | { kind: 'no-answer'; reason: string };

/** Bodies are kept up to this much for the leak check; a stream (SSE) is cut after its head. */
const MAX_BODY_BYTES = 2_000_000;

export function sendRaw(port: number, request: RawRequest, timeoutMs = 15_000): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    const answer = (): RawOutcome => {
      const raw = Buffer.concat(chunks);
      if (raw.length === 0) return { kind: 'no-answer', reason: 'closed without a byte' };
      const parsed = parseRawAnswer(raw);
      if (!parsed.status) return { kind: 'no-answer', reason: `not HTTP: ${raw.subarray(0, 40).toString('latin1')}` };
      return {
        kind: 'answer',
        status: parsed.status,
        contentType: parsed.headers['content-type'] ?? '',
        body: parsed.body,
      };
    };
    socket.on('connect', () => {
      socket.write(`${request.head}\r\n\r\n`);
      if (request.body.length > 0) socket.write(request.body);
      if (request.vanish) finish({ kind: 'vanished' });
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      const raw = Buffer.concat(chunks);
      // A live stream (SSE) never ends by itself: its head and first event are enough.
      const headEnd = raw.indexOf('\r\n\r\n');
      const head = headEnd < 0 ? '' : raw.subarray(0, headEnd).toString('latin1').toLowerCase();
      if (head.includes('text/event-stream') || size > MAX_BODY_BYTES) finish(answer());
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (chunks.length > 0) finish(answer());
      else finish({ kind: 'no-answer', reason: error.code ?? error.message });
    });
    socket.on('close', () => finish(answer()));
  });
}

/** Request head lines for `method target` with the given headers (values sent as given). */
export function headOf(method: string, target: string, headers: readonly [string, string][]): string {
  return [`${method} ${target} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`)].join('\r\n');
}
