import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '@citygov/db/client';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { AppConfig } from '../../env';
import { drainRequest } from '../../http/drain-request';
import { sendHttpError } from '../../http/http-errors';
import type { LiveServices } from '../../live-services';
import { HLS_FILE, HLS_PLAYLIST, hlsContentType } from './media/hls-remuxer';
import { receiveVideoAiEvent, UnknownChannelError, ZVideoAiEvent } from './video-ai';

/** What we read of ZLMediaKit's hook bodies (it sends more; the rest is ignored). */
const ZStreamHook = z.object({ app: z.string().max(200), stream: z.string().min(1).max(200) });
const ZOnPlayHook = ZStreamHook.extend({ params: z.string().max(4000).default('') });
const ZStreamChangedHook = ZStreamHook.extend({ regist: z.boolean() });
const ZRtpServerTimeoutHook = z.object({ stream_id: z.string().min(1).max(200) });

/** Equal secrets, compared in constant time whatever their lengths. */
function sameSecret(given: string, secret: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * A hook handler: the body checked against its schema (400 with ZLMediaKit's
 * invalid-arguments code otherwise), then the handler's answer.
 */
function zlmHook<T>(schema: z.ZodType<T>, handle: (body: T) => Record<string, unknown>) {
  return (req: Request, res: Response) => {
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({
        code: -300,
        msg: `钩子内容格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
      });
      return;
    }
    res.json(handle(parsed.data));
  };
}

/**
 * The built-in backend's HLS files, by viewer token: `/api/video/hls/<token>/<file>`.
 * A token is one viewer's, lapses when unused, and names one stream; nothing else of
 * the folder is reachable. Video-analytics alarms come in with a key; ZLMediaKit's hooks
 * (on_play checks the same tokens; no reader, RTP timeout and a stream gone end the
 * stream) sit beside it, with the ZLM_SECRET in their URL.
 */
export function createVideoRoutes(db: Database, config: AppConfig, live: LiveServices): Router {
  const routes = express.Router();
  const key = Buffer.from(config.videoAiKey);

  // Video-analytics servers post their alarms here (JSON, header x-citygov-key).
  routes.post('/ai-events', express.json({ limit: '3mb' }), async (req, res) => {
    const given = Buffer.from(req.get('x-citygov-key') ?? '');
    if (given.length !== key.length || !timingSafeEqual(given, key)) {
      sendHttpError(res, 401, '接入密钥无效');
      return;
    }
    const parsed = ZVideoAiEvent.safeParse(req.body);
    if (!parsed.success) {
      sendHttpError(
        res,
        400,
        `告警格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
      );
      return;
    }
    try {
      res.status(201).json(await receiveVideoAiEvent(db, config.dataDir, parsed.data));
    } catch (error) {
      if (error instanceof UnknownChannelError) sendHttpError(res, 422, error.message);
      else throw error;
    }
  });

  routes.get('/hls/:token/:file', async (req, res) => {
    const streams = live.video?.streams;
    const playback = streams?.use(req.params.token);
    if (playback?.kind !== 'files' || !HLS_FILE.test(req.params.file)) {
      sendHttpError(res, 404, '视频流不存在或已过期');
      return;
    }
    const path = join(playback.dir, req.params.file);
    try {
      const info = await stat(path);
      res.setHeader('Content-Type', hlsContentType(req.params.file));
      res.setHeader('Content-Length', String(info.size));
      res.setHeader('Cache-Control', req.params.file === HLS_PLAYLIST ? 'no-store' : 'private, max-age=60');
      createReadStream(path)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      sendHttpError(res, 404, '视频片段不存在');
    }
  });

  // ZLMediaKit web hooks, configured in its config.ini as
  // `on_play=http://<bff>/api/video/zlm/on_play?secret=<ZLM_SECRET>` (and so on): only when it
  // is the backend, and only with the secret (compared in constant time; an address check alone
  // would let anyone on that host, or behind the same NAT, stop streams and admit viewers).
  routes.use('/zlm', (req, res, next) => {
    const secret = live.video?.backend.kind === 'zlmediakit' ? config.media.zlm?.secret : undefined;
    const given = typeof req.query.secret === 'string' ? req.query.secret : '';
    if (!secret || !sameSecret(given, secret)) {
      drainRequest(req, 64_000);
      sendHttpError(res, 403, '拒绝访问：流媒体服务器钩子密钥无效');
    } else next();
  });
  const streams = () => live.video?.streams ?? null;
  // ZLMediaKit waits for our answer (hook.timeoutSec): stops run on their own.
  const stop = (streamId: string, reason: string) => streams()?.endStream(streamId, reason);
  routes.post(
    '/zlm/on_play',
    express.json(),
    zlmHook(ZOnPlayHook, (body) => {
      const token = new URLSearchParams(body.params).get('token') ?? '';
      const ok = body.app === 'rtp' && (streams()?.isLive(token, body.stream) ?? false);
      return { code: ok ? 0 : -1, msg: ok ? 'success' : '无效的观看凭证' };
    }),
  );
  routes.post(
    '/zlm/on_stream_none_reader',
    express.json(),
    zlmHook(ZStreamHook, (body) => {
      // Also a stream we no longer know (say, from before a restart): its RTP server is closed.
      if (body.app === 'rtp') stop(body.stream, 'no reader');
      return { code: 0, close: true };
    }),
  );
  routes.post(
    '/zlm/on_rtp_server_timeout',
    express.json(),
    zlmHook(ZRtpServerTimeoutHook, (body) => {
      stop(body.stream_id, 'rtp timeout');
      return { code: 0, msg: 'success' };
    }),
  );
  routes.post(
    '/zlm/on_stream_changed',
    express.json(),
    zlmHook(ZStreamChangedHook, (body) => {
      // Fired once per protocol; the first "gone" ends the session (BYE, close), later ones find none.
      // Our own close fires it too, after the session is gone, or while its replacement starts.
      if (!body.regist && body.app === 'rtp' && streams()?.isPlaying(body.stream)) stop(body.stream, 'media gone');
      return { code: 0, msg: 'success' };
    }),
  );
  return routes;
}
