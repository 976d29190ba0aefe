/**
 * Where a camera's stream goes and how the browser gets it. Two backends behind one
 * interface, chosen by MEDIA_BACKEND: the built-in one (RTP/PS in, HLS out through
 * ffmpeg; the embedded mode and the tests) and ZLMediaKit (real deployments).
 */
import type { MediaTransport } from '@citygov/domain/video/media-transport';

export interface MediaReceiver {
  /**
   * The address and port the device must send RTP to (goes into the INVITE's SDP). When we
   * connect (`tcpSetup` active) no one listens there: RFC 4145 has an active end name port 9.
   */
  host: string;
  port: number;
  transport: 'UDP' | 'TCP';
  /** TCP only: whether the device connects to us (passive) or we to it (active, see `connect`). */
  tcpSetup?: 'passive' | 'active';
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
  open(streamId: string, transport: MediaTransport, ssrc: string): Promise<MediaReceiver>;
  /**
   * TCP active only: connect to the port the device listens on (from its SDP answer) and
   * take the stream from there. Rejects with a MediaServerError when that fails.
   */
  connect(streamId: string, host: string, port: number): Promise<void>;
  /** Resolves once the first HLS segment can be played (or rejects after `timeoutMs`). */
  ready(streamId: string, timeoutMs: number): Promise<void>;
  playback(streamId: string, token: string): MediaPlayback;
  /**
   * Whether the device's media reached the backend within the last `withinMs`. A camera
   * that loses power or network sends no BYE, and its stream stays open until the RTP
   * timeout: a viewer who joins then must get a new INVITE, not the frozen picture.
   */
  flowing(streamId: string, withinMs: number): boolean;
  close(streamId: string): Promise<void>;
  closeAll(): Promise<void>;
}
