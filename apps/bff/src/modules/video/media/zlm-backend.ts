import { z } from 'zod';
import type { MediaBackend, MediaBackendEvents, MediaPlayback, MediaReceiver } from './media-backend';

/**
 * ZLMediaKit as the media backend of a real deployment: its RTP server receives the
 * camera's PS stream (openRtpServer / closeRtpServer over its HTTP API) and it serves
 * HLS and HTTP-FLV itself. Its hooks tell us when nobody watches
 * (on_stream_none_reader) or the RTP stopped (on_rtp_server_timeout); both end the
 * dialog. Viewers' tokens travel as `?token=` and ZLMediaKit checks them with on_play.
 */
const ZApiAnswer = z.object({ code: z.number(), msg: z.string().optional(), port: z.number().optional() });
const ZMediaList = z.object({ code: z.number(), data: z.array(z.object({ stream: z.string() })).optional() });

export interface ZlmSettings {
  apiUrl: string;
  secret: string;
  publicUrl: string;
}

export class ZlmMediaBackend implements MediaBackend {
  readonly kind = 'zlmediakit' as const;

  constructor(
    private readonly settings: ZlmSettings,
    readonly events: MediaBackendEvents,
  ) {}

  private async call(path: string, params: Record<string, string | number>) {
    const url = new URL(`/index/api/${path}`, this.settings.apiUrl);
    url.searchParams.set('secret', this.settings.secret);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
    const answer = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!answer.ok) throw new Error(`ZLMediaKit ${path}: HTTP ${answer.status}`);
    return answer.json() as Promise<unknown>;
  }

  async open(streamId: string, transport: 'UDP' | 'TCP', ssrc: string): Promise<MediaReceiver> {
    const answer = ZApiAnswer.parse(
      await this.call('openRtpServer', {
        port: 0,
        // tcp_mode: 0 UDP, 1 TCP passive (the device connects to ZLMediaKit).
        tcp_mode: transport === 'TCP' ? 1 : 0,
        stream_id: streamId,
        ssrc: Number.parseInt(ssrc, 10),
      }),
    );
    if (answer.code !== 0 || !answer.port) throw new Error(`ZLMediaKit openRtpServer: ${answer.msg ?? answer.code}`);
    return { host: new URL(this.settings.publicUrl).hostname, port: answer.port, transport };
  }

  async ready(streamId: string, timeoutMs: number): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const list = ZMediaList.parse(await this.call('getMediaList', { app: 'rtp', stream: streamId }));
      if (list.code === 0 && (list.data?.length ?? 0) > 0) return;
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
    await this.call('closeRtpServer', { stream_id: streamId }).catch((error) =>
      console.error('[zlmediakit] closeRtpServer:', error),
    );
  }

  async closeAll(): Promise<void> {}
}
