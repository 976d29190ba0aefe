import { ConflictError } from '@citygov/domain/errors';
import { ptzCommandHex } from '@citygov/domain/video/ptz-command';
import { PlatformError } from '../../adapters/gb28181/gb28181-platform';
import type { Context, SessionUser } from '../../trpc/context';
import { permissionProcedure, router } from '../../trpc/procedures';
import { writeAudit } from '../audit/api';
import { loadCaseForWork } from '../cases/api';
import { MediaServerError } from './media/media-backend';
import { setMediaTransport } from './set-media-transport';
import type { VideoCentre } from './video-centre';
import { camerasNear, camerasOnMap, loadCameraInScope, videoTree } from './video-queries';
import {
  ZCameraInput,
  ZNearCaseInput,
  ZPlaybackInput,
  ZPtzInput,
  ZRecordsInput,
  ZReleaseInput,
  ZSetMediaTransportInput,
} from './video-schemas';

/**
 * Calls that talk to devices (play, PTZ, playback) take seconds and touch no table, so
 * they run outside a transaction (auditSelf) and write their own operation-log row.
 */
function deviceCall(permission: 'video.view' | 'video.control') {
  return permissionProcedure(permission).meta({ auditSelf: true });
}

function centreOf(ctx: Pick<Context, 'live'>): VideoCentre {
  const centre = ctx.live.video;
  if (!centre) throw new ConflictError('视频服务未启动（未开启 GB/T 28181 或端口被占用），请联系管理员');
  return centre;
}

/** Device and media-server failures (offline, refused, unreachable, no media) reach the user as conflicts with a reason. */
async function onDevice<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PlatformError) throw new ConflictError(error.message);
    if (error instanceof MediaServerError) throw new ConflictError(error.message, { code: 'REMOTE_UNAVAILABLE' });
    if (error instanceof Error && /视频|设备/.test(error.message)) throw new ConflictError(error.message);
    throw error;
  }
}

async function logged(ctx: Context & { user: SessionUser }, action: string, target: string, detail: unknown) {
  await writeAudit(ctx.db, {
    userId: ctx.user.id,
    username: ctx.user.username,
    action,
    outcome: 'ok',
    target,
    detail,
    ip: ctx.ip,
    areaPath: ctx.user.areaPath,
  });
}

export const videoRouter = router({
  /** 设备目录: devices and channels in the caller's scope, with online state. */
  tree: permissionProcedure('video.view').query(({ ctx }) => videoTree(ctx.db, ctx.user, ctx.config.media.transport)),

  /**
   * 取流方式: a device's media transport (null: the system default). Once it is committed,
   * the device's running streams stop, so that their players reopen them on the new one.
   */
  setMediaTransport: permissionProcedure('video.manage')
    .input(ZSetMediaTransportInput)
    .mutation(async ({ ctx, input }) => {
      const saved = await setMediaTransport(ctx.db, ctx.user, ctx.config.media.transport, input);
      ctx.afterCommit(() => ctx.live.video?.streams.endDeviceStreams(saved.deviceId, 'media transport changed'));
      return saved;
    }),

  /** Cameras for the map layer. */
  cameras: permissionProcedure('video.view').query(({ ctx }) => camerasOnMap(ctx.db, ctx.user)),

  /** 附近摄像机: cameras within 800 m of a case the caller may work on (not one they only reported). */
  nearCase: permissionProcedure('video.view')
    .input(ZNearCaseInput)
    .query(async ({ ctx, input }) => {
      const row = await loadCaseForWork(ctx.db, ctx.user, input.caseId);
      return camerasNear(ctx.db, ctx.user, { lng: row.lng, lat: row.lat });
    }),

  /** 实时预览: a viewer token for the camera's live stream (INVITE on first viewer). */
  play: deviceCall('video.view')
    .input(ZCameraInput)
    .mutation(async ({ ctx, input }) => {
      const camera = await loadCameraInScope(ctx.db, ctx.user, input.deviceId, input.channelId);
      if (!camera.deviceOnline) throw new ConflictError('设备离线，无法预览');
      const centre = centreOf(ctx);
      const grant = await onDevice(() => centre.streams.play({ ...input, mode: 'Play' }, ctx.user.id));
      await logged(ctx, 'video.play', `camera:${input.channelId}`, { ...input, name: camera.channel.name });
      return { ...grant, name: camera.channel.name };
    }),

  /** The player closed: its token lapses at once (the stream stops when nobody else watches). */
  release: permissionProcedure('video.view')
    .meta({ auditSelf: true })
    .input(ZReleaseInput)
    .mutation(({ ctx, input }) => {
      ctx.live.video?.streams.release(input.token, ctx.user.id);
      return { ok: true as const };
    }),

  /** 云台控制: one PTZ command (move, zoom, stop, preset). */
  ptz: deviceCall('video.control')
    .input(ZPtzInput)
    .mutation(async ({ ctx, input }) => {
      const camera = await loadCameraInScope(ctx.db, ctx.user, input.deviceId, input.channelId);
      if (camera.channel.ptzType === 3) throw new ConflictError('该摄像机为固定枪机，不支持云台控制');
      const hex = ptzCommandHex(input.action);
      await onDevice(() => centreOf(ctx).platform.controlPtz(input.deviceId, input.channelId, hex));
      await logged(ctx, 'video.ptz', `camera:${input.channelId}`, { ...input, ptzCmd: hex });
      return { ptzCmd: hex };
    }),

  /** 录像检索: the device's recordings in a time range (RecordInfo). */
  records: permissionProcedure('video.control')
    .input(ZRecordsInput)
    .query(async ({ ctx, input }) => {
      await loadCameraInScope(ctx.db, ctx.user, input.deviceId, input.channelId);
      return onDevice(() =>
        centreOf(ctx).platform.queryRecords(input.deviceId, input.channelId, input.start, input.end),
      );
    }),

  /** 录像回放: a viewer token for a playback stream (INVITE s=Playback). */
  playback: deviceCall('video.control')
    .input(ZPlaybackInput)
    .mutation(async ({ ctx, input }) => {
      const camera = await loadCameraInScope(ctx.db, ctx.user, input.deviceId, input.channelId);
      const centre = centreOf(ctx);
      const grant = await onDevice(() => centre.streams.play({ ...input, mode: 'Playback' }, ctx.user.id));
      await logged(ctx, 'video.playback', `camera:${input.channelId}`, input);
      return { ...grant, name: camera.channel.name };
    }),
});
