import { auditLog } from '@citygov/db/schema/audit';
import { videoDevices } from '@citygov/db/schema/video';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCameras } from '../../adapters/gb28181/simulator/simulated-cameras';
import { outcomeOf } from '../../testing/procedure-samples';
import type { TestApp } from '../../testing/test-app';
import { openVideoTestApp, startVideoRig, until, type VideoRig } from './video-test-rig';

/**
 * 取流方式 per device: two cameras of one video centre (system default UDP), one set to
 * TCP 被动 by an administrator, are invited with different SDP offers, live and playback;
 * only administrators may set it, within their district, and only to a known transport.
 */
const cameras = demoCameras(2);
const [tcpCamera, udpCamera] = cameras as [(typeof cameras)[0], (typeof cameras)[0]];

let app: TestApp;
let rig: VideoRig;
beforeAll(async () => {
  app = await openVideoTestApp({
    MEDIA_TRANSPORT: 'UDP',
  });
  rig = await startVideoRig(app, cameras);
  // Placed in their district (from their located cameras) and online.
  await until('both devices placed and online', async () => {
    const rows = await app.db.select().from(videoDevices);
    return rows.length === 2 && rows.every((r) => r.areaPath && r.online);
  });
}, 60_000);

afterAll(async () => {
  await rig?.close();
  await rig?.centre.stop();
  await app?.close();
});

/** The SDP offers the simulated camera of `deviceId` received, in order. */
const offersTo = (deviceId: string) => rig.cameras.stats.mediaOffers.filter((o) => o.deviceId === deviceId);

async function stopStreams() {
  for (const streamId of rig.centre.streams.activeStreams()) await rig.centre.streams.stopStream(streamId, 'test');
}

describe('取流方式 per device', () => {
  it('invites each camera with its own transport, the default for the one without', async () => {
    const admin = await app.as('linjiang.admin');
    const saved = await admin.video.setMediaTransport({
      deviceId: tcpCamera.deviceId,
      data: { mediaTransport: 'TCP' },
    });
    expect(saved).toEqual({ deviceId: tcpCamera.deviceId, mediaTransport: 'TCP', effectiveTransport: 'TCP' });
    const dispatcher = await app.as('linjiang.dispatcher');
    const tree = await dispatcher.video.tree();
    expect(tree.defaultTransport).toBe('UDP');
    expect(tree.devices.map((d) => [d.deviceId, d.mediaTransport, d.effectiveTransport])).toEqual([
      [tcpCamera.deviceId, 'TCP', 'TCP'],
      [udpCamera.deviceId, null, 'UDP'],
    ]);

    await dispatcher.video.play({ deviceId: tcpCamera.deviceId, channelId: tcpCamera.channelId });
    await dispatcher.video.play({ deviceId: udpCamera.deviceId, channelId: udpCamera.channelId });
    const [tcpOffer] = offersTo(tcpCamera.deviceId);
    const [udpOffer] = offersTo(udpCamera.deviceId);
    expect(tcpOffer?.sdp).toMatch(/^m=video \d+ TCP\/RTP\/AVP /m);
    expect(tcpOffer?.sdp).toMatch(/^a=setup:passive$/m);
    expect(udpOffer?.sdp).toMatch(/^m=video \d+ RTP\/AVP /m);
    expect(udpOffer?.sdp).not.toMatch(/^a=setup:/m);
    await stopStreams();

    // Playback follows the device's setting too: TCP 主动 (we connect to the camera).
    await admin.video.setMediaTransport({ deviceId: udpCamera.deviceId, data: { mediaTransport: 'TCP_ACTIVE' } });
    const end = new Date();
    const start = new Date(end.getTime() - 3_600_000);
    await dispatcher.video.playback({ deviceId: udpCamera.deviceId, channelId: udpCamera.channelId, start, end });
    const playbackOffer = offersTo(udpCamera.deviceId).at(-1);
    expect(playbackOffer?.sdp).toMatch(/^s=Playback$/m);
    expect(playbackOffer?.sdp).toMatch(/^m=video 9 TCP\/RTP\/AVP /m);
    expect(playbackOffer?.sdp).toMatch(/^a=setup:active$/m);
    await stopStreams();

    // Back to the system default; each change is in the operation log.
    const reset = await admin.video.setMediaTransport({
      deviceId: udpCamera.deviceId,
      data: { mediaTransport: null },
    });
    expect(reset).toMatchObject({ mediaTransport: null, effectiveTransport: 'UDP' });
    const logged = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'video.setMediaTransport'), eq(auditLog.outcome, 'ok')));
    expect(logged).toHaveLength(3);
  }, 90_000);

  it("restarts a device's running stream on its new transport once saved, and leaves other devices playing", async () => {
    const admin = await app.as('linjiang.admin');
    const dispatcher = await app.as('linjiang.dispatcher');
    const udpViewer = await dispatcher.video.play({ deviceId: udpCamera.deviceId, channelId: udpCamera.channelId });
    const tcpViewer = await dispatcher.video.play({ deviceId: tcpCamera.deviceId, channelId: tcpCamera.channelId });
    expect(offersTo(udpCamera.deviceId).at(-1)?.sdp).toMatch(/^m=video \d+ RTP\/AVP /m);
    expect(rig.cameras.stats.activeCalls).toBe(2);

    await admin.video.setMediaTransport({ deviceId: udpCamera.deviceId, data: { mediaTransport: 'TCP' } });
    // The UDP stream is hung up (BYE) and its viewers' tokens lapse: their players reopen it.
    await until("the changed device's stream stopped", async () => rig.cameras.stats.activeCalls === 1);
    expect(rig.centre.streams.activeStreams()).toEqual([tcpViewer.streamId]);
    expect(rig.centre.streams.use(udpViewer.token)).toBeNull();
    expect(rig.centre.streams.use(tcpViewer.token)).not.toBeNull();

    // Reopened at once, as the page does after 保存: invited over TCP 被动 this time.
    const reopened = await dispatcher.video.play({ deviceId: udpCamera.deviceId, channelId: udpCamera.channelId });
    expect(reopened.streamId).toBe(udpViewer.streamId);
    expect(offersTo(udpCamera.deviceId).at(-1)?.sdp).toMatch(/^m=video \d+ TCP\/RTP\/AVP /m);
    expect(rig.centre.streams.use(reopened.token)).not.toBeNull();
    await stopStreams();
    await admin.video.setMediaTransport({ deviceId: udpCamera.deviceId, data: { mediaTransport: null } });
  }, 90_000);

  it('refuses other roles, other districts, unknown devices and unknown transports', async () => {
    const input = { deviceId: tcpCamera.deviceId, data: { mediaTransport: 'UDP' as const } };
    const dispatcher = await app.as('linjiang.dispatcher');
    expect(await outcomeOf(() => dispatcher.video.setMediaTransport(input))).toBe('FORBIDDEN');
    expect(await outcomeOf(async () => (await app.as('hubin.admin')).video.setMediaTransport(input))).toBe('NOT_FOUND');
    const admin = await app.as('linjiang.admin');
    const unknown = { ...input, deviceId: '34020000001329999999' };
    expect(await outcomeOf(() => admin.video.setMediaTransport(unknown))).toBe('NOT_FOUND');
    const wrong = { ...input, data: { mediaTransport: 'TCP_PASSIVE' } } as unknown as typeof input;
    expect(await outcomeOf(() => admin.video.setMediaTransport(wrong))).toBe('BAD_REQUEST');
    // Nothing changed: the camera still streams over TCP 被动.
    const [row] = await app.db.select().from(videoDevices).where(eq(videoDevices.deviceId, tcpCamera.deviceId));
    expect(row?.mediaTransport).toBe('TCP');
    const refusals = await app.db
      .select({ outcome: auditLog.outcome })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'video.setMediaTransport'), eq(auditLog.username, 'linjiang.dispatcher')));
    expect(refusals.map((r) => r.outcome)).toEqual(['denied']);
  });
});
