import { describe, expect, it } from 'vitest';
import { effectiveTransport, MEDIA_TRANSPORT_LABELS, MEDIA_TRANSPORTS } from './media-transport';

describe('取流方式', () => {
  it('takes the device’s own setting over the system default', () => {
    expect(effectiveTransport('TCP', 'UDP')).toBe('TCP');
    expect(effectiveTransport('UDP', 'TCP_ACTIVE')).toBe('UDP');
  });

  it('follows the system default when the device names none', () => {
    for (const fallback of MEDIA_TRANSPORTS) expect(effectiveTransport(null, fallback)).toBe(fallback);
  });

  it('labels every transport in Chinese, one label each', () => {
    expect(MEDIA_TRANSPORTS.map((t) => MEDIA_TRANSPORT_LABELS[t])).toEqual(['UDP', 'TCP 被动', 'TCP 主动']);
  });
});
