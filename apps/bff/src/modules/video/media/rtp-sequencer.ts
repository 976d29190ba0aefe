import type { RtpPacket } from './rtp-packet';

/** Packets held before giving up on a missing one (a gap of lost UDP packets). */
const REORDER_DEPTH = 32;

/**
 * Puts one stream's RTP payloads back in sequence order before they go to the demuxer:
 * UDP may reorder, and MPEG-PS cut in the wrong order is garbage to ffmpeg. A late packet
 * is waited for while fewer than REORDER_DEPTH are held; after that it counts as lost
 * and the oldest held packet (in 16-bit wrap-around order) goes next.
 */
export class RtpSequencer {
  private readonly held = new Map<number, Buffer>();
  private next: number | null = null;

  constructor(private readonly onPayload: (payload: Buffer) => void) {}

  take(rtp: RtpPacket): void {
    if (this.next === null) this.next = rtp.sequence;
    this.held.set(rtp.sequence, rtp.payload);
    this.drain();
  }

  private drain(): void {
    for (;;) {
      const next = this.next ?? 0;
      const payload = this.held.get(next);
      if (payload) {
        this.held.delete(next);
        this.onPayload(payload);
        this.next = (next + 1) & 0xffff;
        continue;
      }
      if (this.held.size < REORDER_DEPTH) return;
      let best: number | null = null;
      for (const seq of this.held.keys()) {
        const distance = (seq - next) & 0xffff;
        if (best === null || distance < ((best - next) & 0xffff)) best = seq;
      }
      this.next = best;
    }
  }
}
