import type { Request } from 'express';

/**
 * After refusing a request before reading its body, read and drop the rest so the
 * client (still sending) gets the answer instead of a reset connection; a client that
 * keeps sending beyond `capBytes` is cut off.
 */
export function drainRequest(req: Request, capBytes: number): void {
  if (req.complete || req.destroyed) return;
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > capBytes) req.socket.destroy();
  });
  // A reset while draining is the client's business; without a listener it would be thrown.
  req.on('error', () => {});
  req.resume();
}
