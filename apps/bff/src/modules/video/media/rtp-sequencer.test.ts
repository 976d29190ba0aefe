import { describe, expect, it } from 'vitest';
import { buildRtp, parseRtp } from './rtp-packet';
import { RtpSequencer } from './rtp-sequencer';

function packet(sequence: number) {
  const rtp = parseRtp(
    buildRtp({ payloadType: 96, marker: false, sequence, timestamp: 0, ssrc: 1 }, Buffer.from([sequence & 0xff])),
  );
  if (!rtp) throw new Error('not RTP');
  return rtp;
}

function sequenced(order: number[]): number[] {
  const out: number[] = [];
  const sequencer = new RtpSequencer((payload) => out.push(payload[0] ?? -1));
  for (const sequence of order) sequencer.take(packet(sequence));
  return out;
}

describe('RtpSequencer', () => {
  it('hands on payloads in sequence order when UDP delivers them out of order', () => {
    expect(sequenced([10, 12, 11, 14, 13, 15])).toEqual([10, 11, 12, 13, 14, 15]);
  });

  it('carries on across the 16-bit wrap-around', () => {
    expect(sequenced([65534, 0, 65535, 1]).map((b) => b & 0xff)).toEqual([254, 255, 0, 1]);
  });

  it('gives up on a lost packet once 32 later ones are held, and goes on from the oldest', () => {
    const after = Array.from({ length: 32 }, (_, i) => 102 + i);
    const out = sequenced([100, ...after]);
    // 101 never came: nothing after it is handed on until 32 are waiting, then all of them in order.
    expect(out).toEqual([100, ...after.map((s) => s & 0xff)]);
    expect(sequenced([100, ...after.slice(0, 31)])).toEqual([100]);
  });
});
