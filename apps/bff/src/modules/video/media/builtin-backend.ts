import { createSocket, type Socket } from 'node:dgram';
import { rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket as TcpSocket } from 'node:net';
import { join } from 'node:path';
import type { MediaTransport } from '@citygov/domain/video/media-transport';
import { HlsRemuxer, playlistReady } from './hls-remuxer';
import {
  type MediaBackend,
  type MediaBackendEvents,
  type MediaPlayback,
  type MediaReceiver,
  MediaServerError,
} from './media-backend';
import { parseRtp, rfc4571Deframer } from './rtp-packet';
import { RtpSequencer } from './rtp-sequencer';

interface Stream {
  socket: Socket | null;
  server: Server | null;
  /** TCP active: our connection to the device. */
  outbound: TcpSocket | null;
  remuxer: HlsRemuxer;
  lastPacketAt: number;
  packets: number;
  sequencer: RtpSequencer;
}

/** How long a device's listening media port may take to accept us (TCP active). */
const CONNECT_TIMEOUT_MS = 5_000;

/** The port an active TCP end names in its SDP (RFC 4145 §4.1: the discard port). */
const ACTIVE_SDP_PORT = 9;

/**
 * The built-in media backend: a UDP socket or TCP listener per stream on a free port (or,
 * TCP active, a connection we open to the device's port once it has answered),
 * RTP payloads (MPEG-PS) put in sequence order and piped into an HLS remuxer. A stream
 * that sends nothing for `rtpTimeoutMs` is reported (the caller BYEs the device).
 */
export class BuiltinMediaBackend implements MediaBackend {
  readonly kind = 'builtin' as const;
  readonly decidesNoReader = false;
  private readonly streams = new Map<string, Stream>();
  private readonly watchdog: NodeJS.Timeout;

  constructor(
    private readonly options: { rootDir: string; host: string; listenHost?: string; rtpTimeoutMs: number },
    private readonly events: MediaBackendEvents,
  ) {
    this.watchdog = setInterval(() => this.checkTimeouts(), Math.min(2_000, options.rtpTimeoutMs / 2));
    this.watchdog.unref();
  }

  private dirOf(streamId: string): string {
    return join(this.options.rootDir, streamId.replace(/[^0-9A-Za-z_-]/g, '_'));
  }

  async open(streamId: string, transport: MediaTransport, _ssrc: string): Promise<MediaReceiver> {
    await this.close(streamId);
    const dir = this.dirOf(streamId);
    await rm(dir, { recursive: true, force: true });
    const remuxer = await HlsRemuxer.start(dir);
    const stream: Stream = {
      socket: null,
      server: null,
      outbound: null,
      remuxer,
      lastPacketAt: Date.now(),
      packets: 0,
      sequencer: new RtpSequencer((payload) => remuxer.write(payload)),
    };
    const onPacket = (packet: Buffer) => this.take(stream, packet);
    const listenHost = this.options.listenHost ?? '0.0.0.0';
    let port: number;
    if (transport === 'TCP_ACTIVE') {
      // We connect once the device has answered with its port (`connect`).
      this.streams.set(streamId, stream);
      return { host: this.options.host, port: ACTIVE_SDP_PORT, transport: 'TCP', tcpSetup: 'active' };
    }
    if (transport === 'UDP') {
      const socket = createSocket('udp4');
      socket.on('message', onPacket);
      socket.on('error', (error) => console.error(`[media] ${streamId}:`, error));
      await new Promise<void>((resolve) => socket.bind(0, listenHost, resolve));
      stream.socket = socket;
      port = socket.address().port;
    } else {
      // GB/T 28181 TCP passive: the device connects to us and sends RFC 4571 framed RTP.
      const server = createServer((connection) => {
        connection.on('data', rfc4571Deframer(onPacket));
        connection.on('error', () => connection.destroy());
      });
      await new Promise<void>((resolve) => server.listen(0, listenHost, resolve));
      stream.server = server;
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
    }
    this.streams.set(streamId, stream);
    return { host: this.options.host, port, transport, ...(transport === 'TCP' ? { tcpSetup: 'passive' } : {}) };
  }

  async connect(streamId: string, host: string, port: number): Promise<void> {
    const stream = this.streams.get(streamId);
    if (!stream) throw new MediaServerError('视频流已关闭');
    const socket = connect({ host, port, timeout: CONNECT_TIMEOUT_MS });
    await new Promise<void>((resolve, reject) => {
      const fail = (error?: Error) => {
        socket.destroy();
        reject(
          new MediaServerError(`无法连接设备的媒体端口（${host}:${port}），请检查设备网络或改用 UDP`, { cause: error }),
        );
      };
      socket.once('connect', () => {
        socket.off('error', fail);
        socket.off('timeout', fail);
        socket.setTimeout(0);
        resolve();
      });
      socket.once('error', fail);
      socket.once('timeout', () => fail());
    });
    if (this.streams.get(streamId) !== stream) {
      socket.destroy();
      throw new MediaServerError('视频流已关闭');
    }
    stream.outbound = socket;
    socket.on(
      'data',
      rfc4571Deframer((packet) => this.take(stream, packet)),
    );
    socket.on('error', () => socket.destroy());
  }

  private take(stream: Stream, packet: Buffer): void {
    const rtp = parseRtp(packet);
    if (!rtp) return;
    stream.lastPacketAt = Date.now();
    stream.packets++;
    stream.sequencer.take(rtp);
  }

  private checkTimeouts(now = Date.now()): void {
    for (const [streamId, stream] of this.streams) {
      if (now - stream.lastPacketAt > this.options.rtpTimeoutMs) {
        stream.lastPacketAt = now;
        this.events.rtpTimeout(streamId);
      }
    }
  }

  async ready(streamId: string, timeoutMs: number): Promise<void> {
    if (await playlistReady(this.dirOf(streamId), timeoutMs, () => this.streams.has(streamId))) return;
    const stream = this.streams.get(streamId);
    if (!stream) throw new Error('视频流已关闭');
    throw new Error(stream.packets === 0 ? '未收到设备的视频数据' : '视频数据无法解析');
  }

  playback(streamId: string): MediaPlayback {
    return { kind: 'files', dir: this.dirOf(streamId) };
  }

  flowing(streamId: string, withinMs: number): boolean {
    const stream = this.streams.get(streamId);
    return stream !== undefined && stream.packets > 0 && Date.now() - stream.lastPacketAt <= withinMs;
  }

  packetsOf(streamId: string): number {
    return this.streams.get(streamId)?.packets ?? 0;
  }

  async close(streamId: string): Promise<void> {
    const stream = this.streams.get(streamId);
    if (!stream) return;
    this.streams.delete(streamId);
    stream.socket?.close();
    stream.server?.close();
    stream.outbound?.destroy();
    await stream.remuxer.stop();
    await rm(this.dirOf(streamId), { recursive: true, force: true });
  }

  async closeAll(): Promise<void> {
    clearInterval(this.watchdog);
    await Promise.all([...this.streams.keys()].map((id) => this.close(id)));
  }
}
