/**
 * 取流方式: how a camera sends its RTP to us in a GB/T 28181 INVITE. UDP; 'TCP 被动' (TCP,
 * the device connects to the port we offer, `a=setup:passive` on our side); 'TCP 主动'
 * (TCP_ACTIVE, the device only listens and we connect to the port of its answer). The
 * codes are those of the MEDIA_TRANSPORT setting, which is the default for every device
 * that names none of its own (an NVR behind NAT may only manage TCP, another only UDP).
 */
export const MEDIA_TRANSPORTS = ['UDP', 'TCP', 'TCP_ACTIVE'] as const;

export type MediaTransport = (typeof MEDIA_TRANSPORTS)[number];

export const MEDIA_TRANSPORT_LABELS: Record<MediaTransport, string> = {
  UDP: 'UDP',
  TCP: 'TCP 被动',
  TCP_ACTIVE: 'TCP 主动',
};

/** The transport a device's streams use: its own setting, else the system default. */
export function effectiveTransport(
  deviceSetting: MediaTransport | null,
  systemDefault: MediaTransport,
): MediaTransport {
  return deviceSetting ?? systemDefault;
}
