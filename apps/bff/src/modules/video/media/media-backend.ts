/**
 * Where a camera's stream goes and how the browser gets it. Two backends behind one
 * interface, chosen by MEDIA_BACKEND: the built-in one (RTP/PS in, HLS out through
 * ffmpeg; the embedded mode and the tests) and ZLMediaKit (real deployments).
 */
export interface MediaReceiver {
  /** The address and port the device must send RTP to (goes into the INVITE's SDP). */
  host: string;
  port: number;
  transport: 'UDP' | 'TCP';
}

/** How a viewer plays a stream: files we serve ourselves, or URLs of the media server. */
export type MediaPlayback = { kind: 'files'; dir: string } | { kind: 'urls'; hls: string; flv: string | null };

export interface MediaBackendEvents {
  /** No RTP arrived for the configured time: the dialog should be ended (BYE). */
  rtpTimeout(streamId: string): void;
  /** The media server found nobody watching (ZLMediaKit's on_stream_none_reader). */
  noReader?(streamId: string): void;
}

/**
 * The media server failed (refused, unreachable, answered nonsense): a reason for the
 * user (Chinese), which the router turns into a conflict instead of a 500.
 */
export class MediaServerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MediaServerError';
  }
}

export interface MediaBackend {
  readonly kind: 'builtin' | 'zlmediakit';
  /**
   * Whether the backend itself decides that nobody watches (ZLMediaKit: viewers fetch
   * from it and it calls on_stream_none_reader). Then our own reader clock, which only
   * sees fetches through us, must not stop its streams.
   */
  readonly decidesNoReader: boolean;
  open(streamId: string, transport: 'UDP' | 'TCP', ssrc: string): Promise<MediaReceiver>;
  /** Resolves once the first HLS segment can be played (or rejects after `timeoutMs`). */
  ready(streamId: string, timeoutMs: number): Promise<void>;
  playback(streamId: string, token: string): MediaPlayback;
  close(streamId: string): Promise<void>;
  closeAll(): Promise<void>;
}
