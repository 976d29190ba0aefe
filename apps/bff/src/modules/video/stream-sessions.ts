import { randomBytes } from 'node:crypto';
import type { MediaTransport } from '@citygov/domain/video/media-transport';
import type { Gb28181Platform } from '../../adapters/gb28181/gb28181-platform';
import { makeSsrc } from '../../adapters/gb28181/sdp';
import { type MediaBackend, type MediaPlayback, MediaServerError } from './media/media-backend';

/**
 * Live and playback streams, shared by their viewers. A stream starts with the first
 * viewer (open a receiver, INVITE, wait for the first HLS segment) and stops when
 * nobody has fetched from it for `noReaderMs` (BYE, close). Each viewer gets a token of
 * their own that lapses when unused (one a media server admitted lives as long as its
 * stream); the HLS route answers only to a live token.
 */
export interface StreamRequest {
  deviceId: string;
  channelId: string;
  mode: 'Play' | 'Playback';
  start?: Date;
  end?: Date;
}

export interface ViewerGrant {
  token: string;
  streamId: string;
  hls: string;
  flv: string | null;
  /** How long this request waited for the stream (0 when it was already running). */
  waitedMs: number;
}

interface Session {
  streamId: string;
  request: StreamRequest;
  callId: string | null;
  starting: Promise<void>;
  /** Playable (first segment written); the reader clock runs only from then on. */
  ready: boolean;
  lastReadAt: number;
}

interface Viewer {
  streamId: string;
  userId: number;
  lastUsedAt: number;
  /** The media server let this viewer play (on_play); we never see its fetches after that. */
  admitted: boolean;
}

export interface StreamSessionOptions {
  /** The device's 取流方式 (its own setting, else the system default), read as a stream starts. */
  transportOf(deviceId: string): Promise<MediaTransport>;
  domain: string;
  noReaderMs: number;
  /**
   * A running stream whose media stopped this long ago is not handed to a new viewer: it
   * is ended and the device invited afresh (the RTP timeout would end it only later).
   */
  stalledMs: number;
  /** A token unused this long lapses (the player fetches every second or so). */
  tokenIdleMs?: number;
  readyTimeoutMs?: number;
}

export class StreamSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly viewers = new Map<string, Viewer>();
  /** Receivers being closed, by stream id: a new start of the same id waits for its old receiver's close. */
  private readonly stopping = new Map<string, Promise<void>>();
  private readonly sweeper: NodeJS.Timeout;
  private sequence = 0;

  constructor(
    private readonly platform: Gb28181Platform,
    private readonly backend: MediaBackend,
    private readonly options: StreamSessionOptions,
  ) {
    this.sweeper = setInterval(
      () => void this.sweep().catch((error) => console.error('[video] stopping an unwatched stream:', error)),
      Math.min(2_000, options.noReaderMs / 2),
    );
    this.sweeper.unref();
  }

  static streamIdOf(request: StreamRequest): string {
    if (request.mode === 'Play') return `${request.deviceId}_${request.channelId}`;
    return `${request.deviceId}_${request.channelId}_${Math.floor((request.start?.getTime() ?? 0) / 1000)}`;
  }

  async play(request: StreamRequest, userId: number): Promise<ViewerGrant> {
    const started = Date.now();
    // Each playback is its own stream (its own position); live streams are shared.
    const base = StreamSessions.streamIdOf(request);
    const streamId = request.mode === 'Playback' ? `${base}_${userId}` : base;
    let session = this.sessions.get(streamId);
    if (session?.ready && !this.backend.flowing(streamId, this.options.stalledMs)) {
      // Its viewers' players see the end and reopen onto the new stream, as this viewer does.
      this.endStream(streamId, 'media stalled');
      session = undefined;
    }
    if (!session) {
      const created: Session = {
        streamId,
        request,
        callId: null,
        starting: Promise.resolve(),
        ready: false,
        lastReadAt: Date.now(),
      };
      created.starting = this.start(created);
      this.sessions.set(streamId, created);
      session = created;
    }
    try {
      await session.starting;
    } catch (error) {
      if (this.sessions.get(streamId) === session) this.sessions.delete(streamId);
      throw error;
    }
    session.lastReadAt = Date.now();
    const token = randomBytes(24).toString('base64url');
    this.viewers.set(token, { streamId, userId, lastUsedAt: Date.now(), admitted: false });
    const playback = this.backend.playback(streamId, token);
    return {
      token,
      streamId,
      hls: playback.kind === 'files' ? `/api/video/hls/${token}/index.m3u8` : playback.hls,
      flv: playback.kind === 'urls' ? playback.flv : null,
      waitedMs: Date.now() - started,
    };
  }

  private async start(session: Session): Promise<void> {
    const { request } = session;
    // Reopened right after a stop (取流方式 changed, a viewer's retry): the old receiver of
    // this id must be closed first, or its late close would take the new one with it.
    await this.stopping.get(session.streamId)?.catch(() => undefined);
    const ssrc = makeSsrc(request.mode, this.options.domain, ++this.sequence);
    const transport = await this.options.transportOf(request.deviceId);
    const receiver = await this.backend.open(session.streamId, transport, ssrc);
    try {
      const dialog = await this.platform.invite(request.deviceId, {
        channelId: request.channelId,
        mode: request.mode,
        mediaHost: receiver.host,
        mediaPort: receiver.port,
        transport: receiver.transport,
        ...(receiver.tcpSetup ? { tcpSetup: receiver.tcpSetup } : {}),
        ssrc,
        ...(request.mode === 'Playback'
          ? {
              startTime: Math.floor((request.start?.getTime() ?? 0) / 1000),
              endTime: Math.floor((request.end?.getTime() ?? 0) / 1000),
            }
          : {}),
      });
      session.callId = dialog.callId;
      if (receiver.tcpSetup === 'active') {
        // The device listens on the port of its answer; the stream comes once we connect.
        const { host, port } = dialog.answer;
        if (!host || !(port > 0 && port < 65_536))
          throw new MediaServerError('设备应答缺少媒体端口，无法以 TCP 主动方式取流');
        await this.backend.connect(session.streamId, host, port);
      }
      await this.backend.ready(session.streamId, this.options.readyTimeoutMs ?? 20_000);
      session.ready = true;
      session.lastReadAt = Date.now();
    } catch (error) {
      await this.stopStream(session.streamId, 'start failed');
      throw error;
    }
  }

  /** The stream behind a live token (the HLS route), refreshing the token and the stream's reader clock. */
  use(token: string): MediaPlayback | null {
    const viewer = this.viewers.get(token);
    if (!viewer) return null;
    const session = this.sessions.get(viewer.streamId);
    if (!session) {
      this.viewers.delete(token);
      return null;
    }
    const now = Date.now();
    viewer.lastUsedAt = now;
    session.lastReadAt = now;
    return this.backend.playback(viewer.streamId, token);
  }

  /** Whether a token is live for a stream (the ZLMediaKit on_play hook asks); a use keeps it from lapsing. */
  isLive(token: string, streamId?: string): boolean {
    const viewer = this.viewers.get(token);
    const live = viewer !== undefined && (streamId === undefined || viewer.streamId === streamId);
    if (live) {
      viewer.lastUsedAt = Date.now();
      viewer.admitted = true;
    }
    return live;
  }

  /**
   * Whether a stream is running and has played (the media server's hooks ask before stopping
   * it). A "media gone" report for a stream still starting is about the receiver of the same
   * id it replaces (closed just before), not this one.
   */
  isPlaying(streamId: string): boolean {
    return this.sessions.get(streamId)?.ready === true;
  }

  release(token: string, userId: number): void {
    const viewer = this.viewers.get(token);
    if (viewer && viewer.userId === userId) this.viewers.delete(token);
  }

  /**
   * Stops a stream without waiting (media-server hooks and backend events must answer at
   * once, and a BYE may take longer); a failure is logged, never left to crash the process.
   */
  endStream(streamId: string, reason: string): void {
    void this.stopStream(streamId, reason).catch((error) =>
      console.error(`[video] stopping ${streamId} (${reason}):`, error),
    );
  }

  async stopStream(streamId: string, _reason: string): Promise<void> {
    const session = this.sessions.get(streamId);
    this.sessions.delete(streamId);
    for (const [token, viewer] of this.viewers) if (viewer.streamId === streamId) this.viewers.delete(token);
    // The BYE and the receiver's close run side by side: a start of the same id waits only for
    // the close, not for a device that never answers the BYE (32 s of SIP retransmissions).
    const bye = session?.callId ? this.platform.bye(session.callId) : Promise.resolve();
    const closed = this.backend.close(streamId);
    this.stopping.set(streamId, closed);
    try {
      await Promise.all([bye, closed]);
    } finally {
      if (this.stopping.get(streamId) === closed) this.stopping.delete(streamId);
    }
  }

  /**
   * Stops every stream of a device, live and playback (its 取流方式 changed): each viewer's
   * player reopens its picture, and the new INVITE offers the new transport.
   */
  endDeviceStreams(deviceId: string, reason: string): void {
    for (const session of [...this.sessions.values()]) {
      if (session.request.deviceId === deviceId) this.endStream(session.streamId, reason);
    }
  }

  /** The device ended a dialog (BYE, end of playback). */
  async dialogEnded(callId: string): Promise<void> {
    const session = [...this.sessions.values()].find((s) => s.callId === callId);
    if (session) {
      session.callId = null;
      await this.stopStream(session.streamId, 'device ended');
    }
  }

  /** Lapses idle tokens and stops unwatched streams (run by a timer; tests call it with a later clock). */
  async sweep(now = Date.now()): Promise<void> {
    const tokenIdle = this.options.tokenIdleMs ?? 60_000;
    // A viewer the media server admitted keeps its token while the stream runs, so its player
    // can reconnect: the server fetches for it out of our sight, and the stream's end drops it.
    const servedElsewhere = this.backend.decidesNoReader;
    for (const [token, viewer] of this.viewers) {
      if (servedElsewhere && viewer.admitted) continue;
      if (now - viewer.lastUsedAt > tokenIdle) this.viewers.delete(token);
    }
    // A viewer who holds a token but fetches nothing is not watching: the reader clock decides.
    // Not for a backend that serves viewers itself: we never see their fetches, it tells us (on_stream_none_reader).
    if (this.backend.decidesNoReader) return;
    for (const session of [...this.sessions.values()]) {
      if (session.ready && now - session.lastReadAt > this.options.noReaderMs)
        await this.stopStream(session.streamId, 'no reader');
    }
  }

  activeStreams(): string[] {
    return [...this.sessions.keys()];
  }

  async stopAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.sessions.keys()].map((id) => this.stopStream(id, 'shutdown')));
  }
}
