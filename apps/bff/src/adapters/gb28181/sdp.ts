/**
 * The SDP of GB/T 28181 INVITEs (appendix F): `s=Play` for live, `s=Playback` with a
 * time range for recordings, `y=` the 10-digit SSRC, PS over RTP (payload 96) on UDP or
 * on TCP (RFC 4571 framing). On TCP `a=setup` (RFC 4145) says who connects: `passive`,
 * the device connects to us; `active`, we connect to the port in the device's answer
 * (for devices that only listen, the 'TCP 主动' mode of the common platforms).
 */
export interface MediaOffer {
  channelId: string;
  mode: 'Play' | 'Playback';
  /** Where the device sends the stream. */
  mediaHost: string;
  mediaPort: number;
  transport: 'UDP' | 'TCP';
  /** TCP only: our role; passive when absent. */
  tcpSetup?: 'passive' | 'active';
  ssrc: string;
  /** Playback only: unix seconds. */
  startTime?: number;
  endTime?: number;
}

export function buildOffer(offer: MediaOffer): string {
  const tcp = offer.transport === 'TCP';
  const lines = [
    'v=0',
    `o=${offer.channelId} 0 0 IN IP4 ${offer.mediaHost}`,
    `s=${offer.mode}`,
    ...(offer.mode === 'Playback' ? [`u=${offer.channelId}:0`] : []),
    `c=IN IP4 ${offer.mediaHost}`,
    offer.mode === 'Playback' ? `t=${offer.startTime ?? 0} ${offer.endTime ?? 0}` : 't=0 0',
    `m=video ${offer.mediaPort} ${tcp ? 'TCP/RTP/AVP' : 'RTP/AVP'} 96 97 98`,
    'a=recvonly',
    'a=rtpmap:96 PS/90000',
    'a=rtpmap:97 MPEG4/90000',
    'a=rtpmap:98 H264/90000',
    ...(tcp ? [`a=setup:${offer.tcpSetup ?? 'passive'}`, 'a=connection:new'] : []),
    `y=${offer.ssrc}`,
    '',
  ];
  return lines.join('\r\n');
}

export interface SdpSummary {
  session: string;
  host: string;
  port: number;
  transport: 'UDP' | 'TCP';
  ssrc: string | null;
  setup: string | null;
  startTime: number | null;
  endTime: number | null;
  channelId: string | null;
}

/** The parts of an SDP (offer or answer) the platform and the simulator need. */
export function parseSdp(text: string): SdpSummary | null {
  const lines = text.split(/\r?\n/);
  const value = (prefix: string) =>
    lines
      .find((l) => l.startsWith(prefix))
      ?.slice(prefix.length)
      .trim() ?? null;
  const media = value('m=video ');
  if (!media) return null;
  const [port, proto] = media.split(/\s+/);
  const connection = value('c=')?.split(/\s+/)[2] ?? null;
  const origin = value('o=')?.split(/\s+/) ?? [];
  const times = value('t=')?.split(/\s+/).map(Number) ?? [];
  const uri = value('u=');
  return {
    session: value('s=') ?? '',
    host: connection ?? origin[5] ?? '',
    port: Number(port),
    transport: proto?.toUpperCase().includes('TCP') ? 'TCP' : 'UDP',
    ssrc: value('y='),
    setup:
      lines
        .find((l) => l.startsWith('a=setup:'))
        ?.slice(8)
        .trim() ?? null,
    startTime: times[0] || null,
    endTime: times[1] || null,
    channelId: uri ? (uri.split(':')[0] ?? null) : (origin[0] ?? null),
  };
}

/**
 * A 10-digit SSRC: 0 for live or 1 for playback, then digits 4-8 of the SIP domain, then a
 * 4-digit sequence, as the standard's appendix describes, so the stream names its platform.
 */
export function makeSsrc(mode: 'Play' | 'Playback', domain: string, sequence: number): string {
  return `${mode === 'Play' ? 0 : 1}${domain.slice(3, 8).padStart(5, '0')}${String(sequence % 10_000).padStart(4, '0')}`;
}
