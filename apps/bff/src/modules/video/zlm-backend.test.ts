import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import { promisify } from 'node:util';
import { videoChannels, videoDevices } from '@citygov/db/schema/video';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CameraSimulator, demoCameras } from '../../adapters/gb28181/simulator/simulated-cameras';
import { startZlmSimulator, type ZlmSimulator } from '../../adapters/zlmediakit/simulator';
import type { TestApp } from '../../testing/test-app';
import { StreamSessions } from './stream-sessions';
import type { VideoCentre } from './video-centre';
import { openVideoTestApp, startVideoRig, until } from './video-test-rig';

/**
 * The video centre with ZLMediaKit as its media backend, against a simulated
 * MediaServer that really opens RTP ports: simulated cameras answer the INVITE by
 * streaming H.264 in PS over RTP (UDP, and TCP with RFC 4571 framing) to the port the
 * simulator opened; the simulator calls our hooks as the real server does.
 */
const cameras = demoCameras(2);

interface Rig {
  app: TestApp;
  centre: VideoCentre;
  cameras: CameraSimulator;
  zlm: ZlmSimulator;
  server: Server;
  base: string;
  close(): Promise<void>;
}

async function startRig(transport: 'UDP' | 'TCP' | 'TCP_ACTIVE'): Promise<Rig> {
  const zlm = await startZlmSimulator({ secret: `zlm-secret-${transport.toLowerCase().replace('_', '-')}-0001` });
  const app = await openVideoTestApp({
    MEDIA_BACKEND: 'zlmediakit',
    MEDIA_TRANSPORT: transport,
    // Short, so that a reader clock of ours would stop the stream during the tests.
    MEDIA_NO_READER_SECONDS: '1',
    ZLM_API_URL: zlm.url,
    ZLM_SECRET: zlm.secret,
    ZLM_PUBLIC_URL: zlm.url,
  });
  const video = await startVideoRig(app, cameras);
  const { centre, server, base } = video;
  zlm.hooks = { prefix: `${base}/api/video/zlm`, query: `secret=${encodeURIComponent(zlm.secret)}` };
  // Both devices online and their cameras placed in the city before anyone plays.
  const started = Date.now();
  for (;;) {
    const devices = await app.db.select().from(videoDevices);
    const channels = await app.db.select().from(videoChannels).where(eq(videoChannels.role, 'camera'));
    if (
      devices.length === cameras.length &&
      devices.every((r) => r.online) &&
      channels.length === cameras.length &&
      channels.every((r) => r.areaPath)
    )
      break;
    if (Date.now() - started > 20_000) throw new Error('devices did not register');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    app,
    centre,
    cameras: video.cameras,
    zlm,
    server,
    base,
    async close() {
      await video.close();
      await app.close();
      await zlm.close();
    },
  };
}

/** A live HTTP-FLV URL's status and first bytes; the connection is then let go, as a closed player does. */
async function openFlv(url: string): Promise<{ status: number; head: Buffer }> {
  const response = await fetch(url);
  const reader = response.body?.getReader();
  let head = Buffer.alloc(0);
  while (reader && response.ok && head.length < 3) {
    const { value, done } = await reader.read();
    if (done) break;
    head = Buffer.concat([head, value]);
  }
  await reader?.cancel();
  return { status: response.status, head };
}

/** What ffprobe, a player written by others, decodes from a playback URL: the first video stream. */
async function probe(url: string): Promise<{ codec_name?: string; width?: number; height?: number }> {
  const { stdout } = await promisify(execFile)(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height', '-of', 'json', url],
    { timeout: 20_000 },
  );
  return (
    (JSON.parse(stdout) as { streams: { codec_name?: string; width?: number; height?: number }[] }).streams[0] ?? {}
  );
}

function camera(index: number) {
  const found = cameras[index];
  if (!found) throw new Error(`no camera ${index}`);
  return { deviceId: found.deviceId, channelId: found.channelId };
}

describe('ZLMediaKit backend over UDP', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('UDP');
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
  });

  const streamOf = (index: number) => StreamSessions.streamIdOf({ ...camera(index), mode: 'Play' });

  it('opens an RTP server for a play, the camera streams to it, and the URLs carry the viewer token', async () => {
    const viewer = await rig.app.as('linjiang.dispatcher');
    const grant = await viewer.video.play(camera(0));
    const streamId = streamOf(0);
    expect(grant.streamId).toBe(streamId);
    expect(grant.hls).toBe(`${rig.zlm.url}/rtp/${streamId}/hls.m3u8?token=${grant.token}`);
    expect(grant.flv).toBe(`${rig.zlm.url}/rtp/${streamId}.live.flv?token=${grant.token}`);
    const opened = rig.zlm.apiCalls.find((c) => c.api === 'openRtpServer');
    expect(opened?.args).toMatchObject({ stream_id: streamId, tcp_mode: '0', port: '0' });
    // Real RTP from the camera, with the SSRC of the INVITE (others would be dropped).
    const server = await until('RTP at the simulator', () =>
      rig.zlm.rtpServers().find((s) => s.streamId === streamId && s.packets > 20),
    );
    expect(server).toMatchObject({ tcpMode: 0, dropped: 0 });
    expect(rig.zlm.isOnline(streamId)).toBe(true);
    // One on_stream_changed per protocol; the simulator posts them one after another.
    await until(
      'on_stream_changed for both protocols',
      () => rig.zlm.hookCalls.filter((c) => c.hook === 'on_stream_changed' && c.body.regist === true).length === 2,
    );
    expect(rig.cameras.stats).toMatchObject({ invites: 1, activeCalls: 1 });
  }, 30_000);

  it('on_play admits a live viewer token for its stream and refuses any other', async () => {
    const grant = await (await rig.app.as('linjiang.shift_lead')).video.play(camera(0));
    expect(rig.cameras.stats.invites).toBe(1);
    const hls = await fetch(grant.hls);
    expect(hls.status).toBe(200);
    const playlist = await hls.text();
    expect(playlist).toContain('#EXTM3U');
    // The segments are fetched in the same session: each URI carries the viewer's token on.
    expect(playlist).toContain(`#EXT-X-MAP:URI="init.mp4?token=${grant.token}"`);
    const flv = await openFlv(grant.flv ?? '');
    expect(flv.status).toBe(200);
    expect(flv.head.subarray(0, 3).toString()).toBe('FLV');
    const refused = await fetch(grant.hls.replace(grant.token, 'x'.repeat(32)));
    expect(refused.status).toBe(401);
    const plays = rig.zlm.hookCalls.filter((c) => c.hook === 'on_play');
    expect(plays.map((c) => (c.answer as { code: number }).code)).toEqual([0, 0, -1]);
    expect(plays[0]?.body.params).toBe(`token=${grant.token}`);
    // A token of one stream does not open another.
    const other = await rig.zlm.postHook('on_play', {
      app: 'rtp',
      stream: streamOf(1),
      schema: 'hls',
      params: `token=${grant.token}`,
      vhost: '__defaultVhost__',
    });
    expect(other.answer).toMatchObject({ code: -1 });
  }, 30_000);

  it("plays the camera's picture at the URLs it hands the viewer, over HLS and over HTTP-FLV", async () => {
    const grant = await (await rig.app.as('linjiang.dispatcher')).video.play(camera(0));
    // The simulated camera sends 640×360 H.264; ffprobe follows the playlist to its segments.
    expect(await probe(grant.hls)).toEqual({ codec_name: 'h264', width: 640, height: 360 });
    expect(await probe(grant.flv ?? '')).toEqual({ codec_name: 'h264', width: 640, height: 360 });
    // A segment without an admitted session's token is refused.
    const segment = /^(seg\d+\.m4s)\?/m.exec(await (await fetch(grant.hls)).text())?.[1];
    expect(segment).toBeTruthy();
    const base = grant.hls.slice(0, grant.hls.indexOf('hls.m3u8'));
    expect((await fetch(`${base}${segment}?token=${grant.token}`)).status).toBe(200);
    expect((await fetch(`${base}${segment}?token=${'x'.repeat(32)}`)).status).toBe(401);
  }, 60_000);

  it('does not stop a stream that ZLMediaKit serves by a reader clock of its own', async () => {
    const streamId = streamOf(0);
    // Well past MEDIA_NO_READER_SECONDS without a fetch through us (viewers fetch from ZLMediaKit).
    await rig.centre.streams.sweep(Date.now() + 60_000);
    expect(rig.centre.streams.activeStreams()).toContain(streamId);
    expect(rig.cameras.stats.activeCalls).toBe(1);
    expect(rig.zlm.rtpServers().map((s) => s.streamId)).toContain(streamId);
  });

  it('keeps a viewer admitted by on_play while the stream runs, so its player can reconnect; an unplayed token lapses', async () => {
    const user = await rig.app.as('linjiang.dispatcher');
    const watching = await user.video.play(camera(0));
    const unplayed = await user.video.play(camera(0));
    expect((await fetch(watching.hls)).status).toBe(200);
    // Minutes of watching through ZLMediaKit, which never passes the fetches to us.
    await rig.centre.streams.sweep(Date.now() + 180_000);
    // The player reconnects (ZLMediaKit asks on_play again).
    expect((await openFlv(watching.flv ?? '')).status).toBe(200);
    expect((await fetch(unplayed.hls)).status).toBe(401);
  });

  it('refuses hook calls without the hook secret', async () => {
    const body = { app: 'rtp', stream: streamOf(0), schema: 'hls', params: 'token=x', vhost: '__defaultVhost__' };
    expect((await rig.zlm.postHook('on_play', body, '')).status).toBe(403);
    expect((await rig.zlm.postHook('on_play', body, 'secret=wrong')).status).toBe(403);
    expect((await rig.zlm.postHook('on_stream_none_reader', body, `secret=${rig.zlm.secret}x`)).status).toBe(403);
    expect((await rig.zlm.postHook('on_play', body)).status).toBe(200);
    // Nothing was stopped by the refused calls.
    expect(rig.centre.streams.activeStreams()).toContain(streamOf(0));
  });

  it('answers malformed hook bodies with 400 and survives a handler that fails', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const weird = await rig.zlm.postHook('on_stream_none_reader', { app: 'rtp', stream: { toString: 1 } });
      expect(weird.status).toBe(400);
      expect((await rig.zlm.postHook('on_rtp_server_timeout', { stream_id: 42 })).status).toBe(400);
      expect((await rig.zlm.postHook('on_play', '{"app": "rtp", ')).status).toBe(400);
      // A stop that fails (the database, the device) is logged; the hook still answers.
      const stop = vi.spyOn(rig.centre.streams, 'stopStream').mockRejectedValueOnce(new Error('database is down'));
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const failed = await rig.zlm.postHook('on_stream_none_reader', {
        app: 'rtp',
        stream: 'not-a-stream-of-ours',
        schema: 'rtsp',
        vhost: '__defaultVhost__',
      });
      await new Promise((r) => setTimeout(r, 50));
      stop.mockRestore();
      errors.mockRestore();
      expect(failed.status).toBe(200);
      expect(failed.answer).toMatchObject({ code: 0 });
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(rig.centre.streams.activeStreams()).toContain(streamOf(0));
  });

  it('on_stream_none_reader ends the dialog with a BYE and closes the RTP server', async () => {
    const streamId = streamOf(0);
    const call = await rig.zlm.noReader(streamId);
    expect(call.answer).toMatchObject({ code: 0, close: true });
    await until('the stream to stop', () => rig.centre.streams.activeStreams().length === 0);
    await until('the camera to hang up', () => rig.cameras.stats.activeCalls === 0);
    expect(rig.zlm.rtpServers()).toEqual([]);
    expect(rig.zlm.isOnline(streamId)).toBe(false);
    expect(rig.zlm.apiCalls.filter((c) => c.api === 'closeRtpServer').at(-1)?.args).toMatchObject({
      stream_id: streamId,
    });
  }, 30_000);

  it('on_rtp_server_timeout ends the dialog with a BYE', async () => {
    const streamId = streamOf(1);
    await (await rig.app.as('linjiang.dispatcher')).video.play(camera(1));
    expect(rig.cameras.stats.activeCalls).toBe(1);
    const call = await rig.zlm.timeoutRtpServer(streamId);
    expect(call.body).toMatchObject({ stream_id: streamId, tcp_mode: 0 });
    expect(call.answer).toMatchObject({ code: 0 });
    await until('the camera to hang up', () => rig.cameras.stats.activeCalls === 0);
    expect(rig.centre.streams.activeStreams()).toEqual([]);
  }, 30_000);

  it('on_stream_changed with regist=false ends the session cleanly', async () => {
    const streamId = streamOf(1);
    await (await rig.app.as('linjiang.dispatcher')).video.play(camera(1));
    expect(rig.cameras.stats.activeCalls).toBe(1);
    const online = await rig.zlm.postHook('on_stream_changed', {
      regist: true,
      app: 'rtp',
      stream: streamId,
      schema: 'rtsp',
      vhost: '__defaultVhost__',
    });
    expect(online.answer).toMatchObject({ code: 0 });
    expect(rig.centre.streams.activeStreams()).toEqual([streamId]);
    const gone = await rig.zlm.postHook('on_stream_changed', {
      regist: false,
      app: 'rtp',
      stream: streamId,
      schema: 'rtsp',
      vhost: '__defaultVhost__',
    });
    expect(gone.status).toBe(200);
    expect(gone.answer).toMatchObject({ code: 0 });
    await until('the camera to hang up', () => rig.cameras.stats.activeCalls === 0);
    expect(rig.centre.streams.activeStreams()).toEqual([]);
    await until('the RTP server to close', () => rig.zlm.rtpServers().length === 0);
  }, 30_000);

  it('turns a refusing or unreachable ZLMediaKit into a conflict with a reason, leaving no dialog open', async () => {
    const viewer = await rig.app.as('linjiang.dispatcher');
    const invites = rig.cameras.stats.invites;
    rig.zlm.mode = 'refuse';
    try {
      await expect(viewer.video.play(camera(0))).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('流媒体服务器拒绝打开收流端口'),
      });
      rig.zlm.mode = 'unreachable';
      await expect(viewer.video.play(camera(0))).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('流媒体服务器无法连接'),
      });
    } finally {
      rig.zlm.mode = 'ok';
    }
    expect(rig.cameras.stats.invites).toBe(invites);
    expect(rig.cameras.stats.activeCalls).toBe(0);
    expect(rig.centre.streams.activeStreams()).toEqual([]);
    // And it plays again once the server answers.
    await viewer.video.play(camera(0));
    expect(rig.cameras.stats.activeCalls).toBe(1);
  }, 30_000);

  it('hangs up the camera when ZLMediaKit goes down after the INVITE, and says why', async () => {
    const viewer = await rig.app.as('linjiang.dispatcher');
    const { invites, activeCalls } = rig.cameras.stats;
    rig.zlm.mode = 'down-after-open';
    try {
      await expect(viewer.video.play(camera(1))).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('流媒体服务器无法连接'),
      });
    } finally {
      rig.zlm.mode = 'ok';
    }
    // The camera was invited, then sent a BYE: no dialog is left streaming to a dead server.
    expect(rig.cameras.stats.invites).toBe(invites + 1);
    await until('the camera to hang up', () => rig.cameras.stats.activeCalls === activeCalls);
    expect(rig.centre.streams.activeStreams()).not.toContain(streamOf(1));
  }, 30_000);

  it('invites the camera afresh for a viewer who joins after its media stopped without a BYE', async () => {
    const viewer = await rig.app.as('linjiang.dispatcher');
    const first = await viewer.video.play(camera(0));
    const { invites } = rig.cameras.stats;
    rig.cameras.cutMedia(camera(0).deviceId);
    // ZLMediaKit keeps the stream until its RTP timeout; what falls is its input rate (bytesSpeed).
    await until(
      'the stream to read as stalled',
      () => !rig.centre.backend.flowing(streamOf(0), rig.app.config.media.stalledMs),
      15_000,
    );
    expect(rig.zlm.isOnline(streamOf(0))).toBe(true);
    const second = await viewer.video.play(camera(0));
    expect(rig.cameras.stats.invites).toBe(invites + 1);
    expect(await probe(second.flv ?? '')).toEqual({ codec_name: 'h264', width: 640, height: 360 });
    // The first viewer's token ended with the stalled stream: ZLMediaKit's on_play refuses it.
    expect((await fetch(first.hls)).status).toBe(401);
  }, 60_000);

  it('keeps sharing a running stream when ZLMediaKit reports no bytesSpeed (an older build)', async () => {
    const viewer = await rig.app.as('linjiang.dispatcher');
    await viewer.video.play(camera(0));
    const { invites } = rig.cameras.stats;
    rig.zlm.reportsBytesSpeed = false;
    try {
      // Past MEDIA_STALL_SECONDS, with every poll answered without a rate.
      await new Promise((resolve) => setTimeout(resolve, rig.app.config.media.stalledMs + 2_500));
      await viewer.video.play(camera(0));
      expect(rig.cameras.stats.invites).toBe(invites);
    } finally {
      rig.zlm.reportsBytesSpeed = true;
    }
  }, 30_000);
});

describe('ZLMediaKit backend over TCP (RFC 4571)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('TCP');
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('opens a passive TCP RTP server that the camera connects and streams to', async () => {
    const grant = await (await rig.app.as('linjiang.dispatcher')).video.play(camera(0));
    const opened = rig.zlm.apiCalls.find((c) => c.api === 'openRtpServer');
    expect(opened?.args).toMatchObject({ stream_id: grant.streamId, tcp_mode: '1' });
    const server = await until('RTP over TCP at the simulator', () =>
      rig.zlm.rtpServers().find((s) => s.streamId === grant.streamId && s.packets > 20),
    );
    expect(server).toMatchObject({ tcpMode: 1, dropped: 0 });
    expect((await fetch(grant.hls)).status).toBe(200);
    await rig.zlm.noReader(grant.streamId);
    await until('the camera to hang up', () => rig.cameras.stats.activeCalls === 0);
    expect(rig.zlm.rtpServers()).toEqual([]);
  }, 30_000);
});

describe('ZLMediaKit backend over TCP, connecting to a device that listens (TCP 主动)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('TCP_ACTIVE');
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
  });

  it("opens the RTP server in tcp_mode 2 and has ZLMediaKit connect to the port of the camera's answer", async () => {
    const grant = await (await rig.app.as('linjiang.dispatcher')).video.play(camera(0));
    const opened = rig.zlm.apiCalls.find((c) => c.api === 'openRtpServer');
    expect(opened?.args).toMatchObject({ stream_id: grant.streamId, tcp_mode: '2' });
    const connected = rig.zlm.apiCalls.find((c) => c.api === 'connectRtpServer');
    expect(connected?.args).toMatchObject({ stream_id: grant.streamId, dst_url: '127.0.0.1' });
    expect(Number(connected?.args.dst_port)).toBeGreaterThan(0);
    const server = await until('RTP over the connection ZLMediaKit opened', () =>
      rig.zlm.rtpServers().find((s) => s.streamId === grant.streamId && s.packets > 20),
    );
    expect(server).toMatchObject({ tcpMode: 2, dropped: 0 });
    expect((await fetch(grant.hls)).status).toBe(200);
    await rig.zlm.noReader(grant.streamId);
    await until('the camera to hang up', () => rig.cameras.stats.activeCalls === 0);
  }, 30_000);
});
