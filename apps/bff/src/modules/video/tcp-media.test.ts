import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCameras } from '../../adapters/gb28181/simulator/simulated-cameras';
import type { TestApp } from '../../testing/test-app';
import { BuiltinMediaBackend } from './media/builtin-backend';
import { MediaServerError } from './media/media-backend';
import { openVideoTestApp, startVideoRig, until, type VideoRig } from './video-test-rig';

/**
 * Live video over TCP with the built-in backend, both ways GB/T 28181 devices do it: the
 * camera connects to us (MEDIA_TRANSPORT=TCP, 'TCP 被动'), or it only listens and we connect
 * to the port of its answer (MEDIA_TRANSPORT=TCP_ACTIVE, 'TCP 主动'). ffprobe reads the HLS.
 */
const run = promisify(execFile);
const cameras = demoCameras(1);

let app: TestApp;
beforeAll(async () => {
  app = await openVideoTestApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

for (const transport of ['TCP', 'TCP_ACTIVE'] as const) {
  describe(`built-in media backend, MEDIA_TRANSPORT=${transport}`, () => {
    let rig: VideoRig;
    beforeAll(async () => {
      rig = await startVideoRig(app, cameras, { ...app.config, media: { ...app.config.media, transport } });
      // The device row may still say 在线 from the previous centre: wait for this one's registration.
      await until('the camera registered with this centre', () => rig.cameras.stats.registered === cameras.length);
    }, 60_000);
    afterAll(async () => {
      await rig?.close();
      await rig?.centre.stop();
      app.live.video = null;
    });

    it('plays the camera live as H.264 over a TCP media connection', async () => {
      const camera = cameras[0];
      if (!camera) throw new Error('no camera');
      const dispatcher = await app.as('linjiang.dispatcher');
      await until('the camera online', async () =>
        (await dispatcher.video.tree()).channels.some((c) => c.role === 'camera' && c.online),
      );
      const grant = await dispatcher.video.play({ deviceId: camera.deviceId, channelId: camera.channelId });
      expect(rig.cameras.stats.mediaOffers.map((o) => o.media)).toEqual([
        transport === 'TCP' ? 'TCP setup:passive' : 'TCP setup:active',
      ]);
      const probe = await run(
        'ffprobe',
        ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'json', `${rig.base}${grant.hls}`],
        { timeout: 30_000 },
      );
      const streams = JSON.parse(probe.stdout).streams as { codec_name: string; width: number; height: number }[];
      expect(streams).toContainEqual({ codec_name: 'h264', width: 640, height: 360 });
    }, 60_000);
  });
}

describe('TCP 主动 when the device does not listen', () => {
  it('tells the viewer that the device media port cannot be reached', async () => {
    const backend = new BuiltinMediaBackend(
      { rootDir: mkdtempSync(join(tmpdir(), 'citygov-tcp-refused-')), host: '127.0.0.1', rtpTimeoutMs: 10_000 },
      { rtpTimeout() {} },
    );
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    try {
      const receiver = await backend.open('refused', 'TCP_ACTIVE', '0');
      expect(receiver).toMatchObject({ transport: 'TCP', tcpSetup: 'active', port: 9 });
      const failure = backend.connect('refused', '127.0.0.1', port);
      await expect(failure).rejects.toBeInstanceOf(MediaServerError);
      await expect(failure).rejects.toThrow(`无法连接设备的媒体端口（127.0.0.1:${port}）`);
    } finally {
      await backend.closeAll();
    }
  });
});
