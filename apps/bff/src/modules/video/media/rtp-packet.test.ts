import { describe, expect, it } from 'vitest';
import { buildRtp, parseRtp, rfc4571Deframer, rfc4571Frame } from './rtp-packet';

describe('RTP', () => {
  it('reads back what it writes', () => {
    const packet = buildRtp(
      { payloadType: 96, marker: true, sequence: 65535, timestamp: 90_000, ssrc: 20_000_001 },
      Buffer.from('PS'),
    );
    expect(parseRtp(packet)).toMatchObject({
      payloadType: 96,
      marker: true,
      sequence: 65535,
      timestamp: 90_000,
      ssrc: 20_000_001,
    });
    expect(parseRtp(packet)?.payload.toString()).toBe('PS');
  });

  it('skips CSRCs and a header extension, and drops padding', () => {
    const header = Buffer.from([0x80 | 0x20 | 0x10 | 0x01, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    const csrc = Buffer.alloc(4);
    const extension = Buffer.from([0xbe, 0xde, 0, 1, 1, 2, 3, 4]);
    const packet = Buffer.concat([header, csrc, extension, Buffer.from('data'), Buffer.from([0, 0, 3])]);
    expect(parseRtp(packet)?.payload.toString()).toBe('data');
  });

  it('refuses what is not RTP version 2', () => {
    expect(parseRtp(Buffer.from('hello world, not rtp'))).toBeNull();
    expect(parseRtp(Buffer.alloc(4))).toBeNull();
  });

  it('splits an RFC 4571 stream at any chunk boundary', () => {
    const packets = ['one', 'second packet', 'x'].map((s) =>
      buildRtp({ payloadType: 96, marker: false, sequence: 1, timestamp: 1, ssrc: 1 }, Buffer.from(s)),
    );
    const stream = Buffer.concat(packets.map(rfc4571Frame));
    const seen: string[] = [];
    const feed = rfc4571Deframer((p) => seen.push(parseRtp(p)?.payload.toString() ?? ''));
    for (let i = 0; i < stream.length; i += 5) feed(stream.subarray(i, i + 5));
    expect(seen).toEqual(['one', 'second packet', 'x']);
  });
});
