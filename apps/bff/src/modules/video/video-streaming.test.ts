import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { alarms } from '@citygov/db/schema/alarms';
import { caseAttachments, caseEvents, cases } from '@citygov/db/schema/cases';
import { videoChannels, videoDevices } from '@citygov/db/schema/video';
import { parsePtzCommand } from '@citygov/domain/video/ptz-command';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CameraSimulator, demoCameras } from '../../adapters/gb28181/simulator/simulated-cameras';
import type { TestApp } from '../../testing/test-app';
import type { VideoCentre } from './video-centre';
import { openVideoTestApp, startVideoRig, until, type VideoRig } from './video-test-rig';

/**
 * The video path end to end: simulated cameras register over SIP and stream a real
 * H.264 test pattern (PS over RTP); the BFF remuxes it to HLS and serves it by viewer
 * token; ffprobe reads what a browser would. Also PTZ, records and the no-reader stop.
 */
const run = promisify(execFile);
const cameras = demoCameras(2);

let app: TestApp;
let centre: VideoCentre;
let simulator: CameraSimulator;
let rig: VideoRig;
let base: string;

beforeAll(async () => {
  app = await openVideoTestApp({
    MEDIA_NO_READER_SECONDS: '3',
    MEDIA_STALL_SECONDS: '2',
  });
  rig = await startVideoRig(app, cameras);
  ({ centre, cameras: simulator, base } = rig);
}, 60_000);

afterAll(async () => {
  await rig?.close();
  await app?.close();
});

describe('video centre with simulated cameras', () => {
  it('stores the registered devices and their catalog, placed in the city', async () => {
    const channels = await until('both catalogs', async () => {
      const rows = await app.db.select().from(videoChannels).where(eq(videoChannels.role, 'camera'));
      return rows.length === 2 && rows.every((r) => r.areaPath) ? rows : null;
    });
    expect(channels.map((c) => c.name).sort()).toEqual(cameras.map((c) => c.name).sort());
    const devices = await until('device info', async () => {
      const rows = await app.db.select().from(videoDevices);
      return rows.length === 2 && rows.every((r) => r.manufacturer === 'citygov' && r.channelCount === 1) ? rows : null;
    });
    expect(devices.map((d) => [d.online, d.transport, d.channelCount])).toEqual([
      [true, 'UDP', 1],
      [true, 'UDP', 1],
    ]);
    const dispatcher = await app.as('linjiang.dispatcher');
    const tree = await dispatcher.video.tree();
    expect(tree.channels.filter((c) => c.role === 'camera' && c.online)).toHaveLength(2);
    expect(tree.channels.filter((c) => c.role === 'group')).toHaveLength(2);
    // Another district's staff see none of them.
    expect((await (await app.as('hubin.dispatcher')).video.tree()).devices).toEqual([]);
  });

  it('plays a camera live as HLS that ffprobe reads as H.264, for the viewer token only', async () => {
    const camera = cameras[0];
    if (!camera) throw new Error('no camera');
    const viewer = await app.as('linjiang.dispatcher');
    const grant = await viewer.video.play({ deviceId: camera.deviceId, channelId: camera.channelId });
    expect(grant.hls).toMatch(/^\/api\/video\/hls\/[\w-]{32}\/index\.m3u8$/);
    const probe = await run(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'json', `${base}${grant.hls}`],
      { timeout: 30_000 },
    );
    const streams = JSON.parse(probe.stdout).streams as { codec_name: string; width: number; height: number }[];
    expect(streams).toContainEqual({ codec_name: 'h264', width: 640, height: 360 });
    // A second viewer shares the stream (one INVITE) with a token of their own.
    const second = await (await app.as('linjiang.shift_lead')).video.play({
      deviceId: camera.deviceId,
      channelId: camera.channelId,
    });
    expect(second.token).not.toBe(grant.token);
    expect(simulator.stats.invites).toBe(1);
    // Any other token, or a path outside the stream, gets nothing.
    expect((await fetch(`${base}/api/video/hls/${'x'.repeat(32)}/index.m3u8`)).status).toBe(404);
    expect((await fetch(`${base}/api/video/hls/${grant.token}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  }, 60_000);

  it('stops the stream with a BYE when nobody reads it', async () => {
    await until('the idle stream to stop', async () => (centre.streams.activeStreams().length === 0 ? true : null));
    await until('the camera to hang up', async () => (simulator.stats.activeCalls === 0 ? true : null));
  }, 30_000);

  it('sends PTZ commands with a valid checksum and finds recordings', async () => {
    const camera = cameras[1];
    if (!camera) throw new Error('no camera');
    const operator = await app.as('linjiang.dispatcher');
    const answer = await operator.video.ptz({ ...camera, action: { kind: 'move', direction: 'left', speed: 100 } });
    await until('the PTZ command', async () => simulator.stats.ptzCommands.at(-1));
    const received = simulator.stats.ptzCommands.at(-1);
    expect(received?.hex).toBe(answer.ptzCmd);
    expect(parsePtzCommand(received?.hex ?? '')?.instruction).toBe(0x02);
    const end = new Date();
    const start = new Date(end.getTime() - 3 * 3_600_000);
    const records = await operator.video.records({ ...camera, start, end });
    expect(records).toHaveLength(3);
    expect(records[0]?.startTime.getTime()).toBe(Math.floor(start.getTime() / 1000) * 1000);
    // Viewing only: an acceptor may watch but not steer.
    await expect(
      (await app.as('linjiang.acceptor')).video.ptz({ ...camera, action: { kind: 'stop' } }),
    ).rejects.toThrow('没有权限');
  }, 30_000);
});

describe('a camera that stops sending', () => {
  const camera = () => {
    const found = cameras[0];
    if (!found) throw new Error('no camera');
    return { deviceId: found.deviceId, channelId: found.channelId };
  };
  const ffprobeCodec = async (url: string) => {
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'json', url], {
      timeout: 30_000,
    });
    return (JSON.parse(stdout) as { streams: { codec_name: string }[] }).streams.map((s) => s.codec_name);
  };

  it('is invited afresh for the next viewer when its media stopped without a BYE, and the stale viewer is told', async () => {
    const first = await (await app.as('linjiang.dispatcher')).video.play(camera());
    expect(await ffprobeCodec(`${base}${first.hls}`)).toContain('h264');
    const { invites } = simulator.stats;
    // Power or uplink lost mid-stream: no BYE, the dialog stays, the RTP timeout (15 s) is far off.
    simulator.cutMedia(camera().deviceId);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const second = await (await app.as('linjiang.shift_lead')).video.play(camera());
    expect(simulator.stats.invites).toBe(invites + 1);
    expect(await ffprobeCodec(`${base}${second.hls}`)).toContain('h264');
    // The first viewer's token ended with the stalled stream: its player shows 视频流中断 and reopens.
    expect((await fetch(`${base}${first.hls}`)).status).toBe(404);
  }, 60_000);

  it('ends its streams at once when it unregisters', async () => {
    const grant = await (await app.as('linjiang.dispatcher')).video.play(camera());
    expect(centre.streams.activeStreams()).toContain(grant.streamId);
    await simulator.register(camera().deviceId, 0);
    try {
      // The viewer keeps fetching (its reader clock never runs out): only the unregistration ends it.
      await until('the stream to end', async () => (await fetch(`${base}${grant.hls}`)).status === 404, 5_000);
      expect(centre.streams.activeStreams()).not.toContain(grant.streamId);
    } finally {
      await simulator.register(camera().deviceId, 3600);
    }
  }, 30_000);
});

describe('video AI alarms (视频智能识别)', () => {
  const post = (body: unknown, key = app.config.videoAiKey) =>
    fetch(`${base}/api/video/ai-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-citygov-key': key },
      body: JSON.stringify(body),
    });

  it('turns a stall seen by a camera into one case with its snapshot, and later sightings onto it', async () => {
    const camera = cameras[1];
    if (!camera) throw new Error('no camera');
    const snapshot = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#7a6' } })
      .jpeg()
      .toBuffer();
    const event = {
      channelId: camera.channelId,
      type: 'street_vending',
      confidence: 0.92,
      snapshot: snapshot.toString('base64'),
    };
    const first = await post({ ...event, at: new Date(Date.now() - 120_000) });
    expect(first.status).toBe(201);
    const opened = (await first.json()) as { outcome: string; caseId: number };
    expect(opened.outcome).toBe('opened');
    const again = (await (await post({ ...event, at: new Date(Date.now() - 60_000) })).json()) as {
      outcome: string;
      caseId: number;
    };
    expect(again).toMatchObject({ outcome: 'sighting', caseId: opened.caseId });

    const [row] = await app.db.select().from(cases).where(eq(cases.id, opened.caseId));
    expect(row).toMatchObject({ source: 'video', categoryCode: '09006', status: 'reported' });
    expect(row?.description).toContain(`占道经营：${camera.name}，置信度 92%`);
    const photos = await app.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, opened.caseId));
    expect(photos.map((p) => [p.mime, p.width, p.height])).toEqual([
      ['image/jpeg', 64, 48],
      ['image/jpeg', 64, 48],
    ]);
    const timeline = await app.db.select().from(caseEvents).where(eq(caseEvents.caseId, opened.caseId));
    expect(timeline.map((e) => [e.action, e.actorName])).toEqual([
      ['report', '系统（视频智能识别）'],
      ['sighting', '系统（视频智能识别）'],
    ]);
    // The camera is linked: the case's alarms name it, and it is the nearest camera to the case.
    const linked = await app.db.select().from(alarms).where(eq(alarms.caseId, opened.caseId));
    expect(linked.map((a) => a.subject)).toEqual([`video:${camera.channelId}`, `video:${camera.channelId}`]);
    const near = await (await app.as('linjiang.dispatcher')).video.nearCase({ caseId: opened.caseId });
    expect(near[0]).toMatchObject({ channelId: camera.channelId, distance: 0 });
  });

  it('records low-confidence events without a case, and refuses a wrong key or an unknown camera', async () => {
    const camera = cameras[0];
    if (!camera) throw new Error('no camera');
    const low = (await (
      await post({ channelId: camera.channelId, type: 'debris', confidence: 0.3, at: new Date() })
    ).json()) as {
      outcome: string;
      caseId: number | null;
    };
    expect(low).toMatchObject({ outcome: 'ignored', caseId: null });
    expect(
      (await post({ channelId: camera.channelId, type: 'debris', confidence: 0.9, at: new Date() }, 'wrong-key-123'))
        .status,
    ).toBe(401);
    expect(
      (await post({ channelId: '34020000001310999999', type: 'debris', confidence: 0.9, at: new Date() })).status,
    ).toBe(422);
    expect((await post({ channelId: camera.channelId, type: 'fire', confidence: 0.9, at: new Date() })).status).toBe(
      400,
    );
  });
});
