import type { MediaTransport } from '@citygov/domain/video/media-transport';
import { z } from 'zod';
import {
  type MediaBackend,
  type MediaBackendEvents,
  type MediaPlayback,
  type MediaReceiver,
  MediaServerError,
} from './media-backend';

/**
 * ZLMediaKit as the media backend of a real deployment: its RTP server receives the
 * camera's PS stream (openRtpServer / closeRtpServer over its HTTP API; connectRtpServer
 * when it must connect to a device that only listens, tcp_mode 2) and it serves
 * HLS and HTTP-FLV itself. Its hooks tell us when nobody watches
 * (on_stream_none_reader) or the RTP stopped (on_rtp_server_timeout); both end the
 * dialog. Viewers' tokens travel as `?token=` and ZLMediaKit checks them with on_play.
 */
const ZApiAnswer = z.object({ code: z.number(), msg: z.string().optional(), port: z.number().optional() });
const ZMediaList = z.object({
  code: z.number(),
  data: z.array(z.object({ stream: z.string(), bytesSpeed: z.number().optional() })).optional(),
});

/**
 * How often the open streams' input rates are read. ZLMediaKit computes `bytesSpeed` over
 * the time since it was last asked (at least a second), so asking this often also keeps
 * that window short: a camera that stopped shows 0 within two polls.
 */
const FLOW_POLL_MS = 2_000;

export interface ZlmSettings {
  apiUrl: string;
  secret: string;
  publicUrl: string;
}

export class ZlmMediaBackend implements MediaBackend {
  readonly kind = 'zlmediakit' as const;
  readonly decidesNoReader = true;
  /** When each open stream was last seen receiving (bytesSpeed > 0), by stream id. */
  private readonly flowSeenAt = new Map<string, number>();
  private flowPoller: NodeJS.Timeout | null = null;
  private flowPollFailed = false;

  constructor(
    private readonly settings: ZlmSettings,
    readonly events: MediaBackendEvents,
  ) {}

  /** Reads every RTP stream's input rate in one call while any stream is open. */
  private watchFlow(): void {
    if (this.flowPoller) return;
    this.flowPoller = setInterval(() => void this.pollFlow(), FLOW_POLL_MS);
    this.flowPoller.unref();
  }

  private async pollFlow(): Promise<void> {
    try {
      const list = ZMediaList.safeParse(await this.call('getMediaList', { app: 'rtp' }));
      const now = Date.now();
      for (const entry of (list.success && list.data.data) || []) {
        // A build that reports no rate cannot tell a stall: a stream it still lists counts as flowing.
        const receiving = entry.bytesSpeed === undefined || entry.bytesSpeed > 0;
        if (receiving && this.flowSeenAt.has(entry.stream)) this.flowSeenAt.set(entry.stream, now);
      }
      this.flowPollFailed = false;
    } catch (error) {
      // Logged once per outage; meanwhile the streams read as stalled, and a new viewer's
      // INVITE meets the same MediaServerError with its reason.
      if (!this.flowPollFailed) console.error('[zlmediakit] reading stream rates:', error);
      this.flowPollFailed = true;
    }
  }

  flowing(streamId: string, withinMs: number): boolean {
    const seen = this.flowSeenAt.get(streamId);
    return seen !== undefined && Date.now() - seen <= withinMs;
  }

  /** One API call; a server that cannot be reached or answers no JSON is a MediaServerError. */
  private async call(path: string, params: Record<string, string | number>): Promise<unknown> {
    const url = new URL(`/index/api/${path}`, this.settings.apiUrl);
    url.searchParams.set('secret', this.settings.secret);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
    let answer: Response;
    try {
      answer = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    } catch (error) {
      throw new MediaServerError('流媒体服务器无法连接，请稍后重试或联系管理员', { cause: error });
    }
    if (!answer.ok) throw new MediaServerError(`流媒体服务器异常（HTTP ${answer.status}），请联系管理员`);
    try {
      return await answer.json();
    } catch (error) {
      throw new MediaServerError('流媒体服务器应答格式有误，请联系管理员', { cause: error });
    }
  }

  async open(streamId: string, transport: MediaTransport, ssrc: string): Promise<MediaReceiver> {
    const answer = ZApiAnswer.safeParse(
      await this.call('openRtpServer', {
        port: 0,
        // tcp_mode: 0 UDP, 1 TCP passive (the device connects to ZLMediaKit), 2 TCP active
        // (ZLMediaKit connects to the device, told where by connectRtpServer).
        tcp_mode: { UDP: 0, TCP: 1, TCP_ACTIVE: 2 }[transport],
        stream_id: streamId,
        ssrc: Number.parseInt(ssrc, 10),
      }),
    );
    if (!answer.success) throw new MediaServerError('流媒体服务器应答格式有误，请联系管理员');
    const { code, msg, port } = answer.data;
    // ZLMediaKit answers HTTP 200 with the outcome in `code` (-1 failed, -100 wrong secret, -300 bad arguments).
    if (code !== 0 || !port)
      throw new MediaServerError(`流媒体服务器拒绝打开收流端口（代码 ${code}${msg ? `：${msg}` : ''}）`);
    const host = new URL(this.settings.publicUrl).hostname;
    if (transport === 'UDP') return { host, port, transport };
    return { host, port, transport: 'TCP', tcpSetup: transport === 'TCP_ACTIVE' ? 'active' : 'passive' };
  }

  async connect(streamId: string, host: string, port: number): Promise<void> {
    const answer = ZApiAnswer.safeParse(
      await this.call('connectRtpServer', { dst_url: host, dst_port: port, stream_id: streamId }),
    );
    if (!answer.success) throw new MediaServerError('流媒体服务器应答格式有误，请联系管理员');
    const { code, msg } = answer.data;
    if (code !== 0)
      throw new MediaServerError(
        `流媒体服务器无法连接设备的媒体端口（${host}:${port}，代码 ${code}${msg ? `：${msg}` : ''}）`,
      );
  }

  async ready(streamId: string, timeoutMs: number): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const list = ZMediaList.safeParse(await this.call('getMediaList', { app: 'rtp', stream: streamId }));
      if (list.success && list.data.code === 0 && (list.data.data?.length ?? 0) > 0) {
        this.flowSeenAt.set(streamId, Date.now());
        this.watchFlow();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error('未收到设备的视频数据');
  }

  playback(streamId: string, token: string): MediaPlayback {
    const base = this.settings.publicUrl.replace(/\/+$/, '');
    return {
      kind: 'urls',
      hls: `${base}/rtp/${streamId}/hls.m3u8?token=${token}`,
      flv: `${base}/rtp/${streamId}.live.flv?token=${token}`,
    };
  }

  async close(streamId: string): Promise<void> {
    this.flowSeenAt.delete(streamId);
    if (this.flowSeenAt.size === 0 && this.flowPoller) {
      clearInterval(this.flowPoller);
      this.flowPoller = null;
    }
    await this.call('closeRtpServer', { stream_id: streamId }).catch((error) =>
      console.error('[zlmediakit] closeRtpServer:', error),
    );
  }

  async closeAll(): Promise<void> {
    if (this.flowPoller) clearInterval(this.flowPoller);
    this.flowPoller = null;
    this.flowSeenAt.clear();
  }
}
