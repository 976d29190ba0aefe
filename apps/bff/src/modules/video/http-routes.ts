import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '@citygov/db/client';
import express, { type Router } from 'express';
import type { AppConfig } from '../../env';
import { sendHttpError } from '../../http/http-errors';
import type { LiveServices } from '../../live-services';
import { receiveVideoAiEvent, UnknownChannelError, ZVideoAiEvent } from './video-ai';

const FILES = /^(index\.m3u8|init\.mp4|seg\d{5}\.m4s)$/;

const TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  mp4: 'video/mp4',
  m4s: 'video/iso.segment',
};

/**
 * The built-in backend's HLS files, by viewer token: `/api/video/hls/<token>/<file>`.
 * A token is one viewer's, lapses when unused, and names one stream; nothing else of
 * the folder is reachable. Video-analytics alarms come in with a key; ZLMediaKit's hooks (on_play checks the same tokens;
 * no reader and RTP timeout end the stream) sit beside it.
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
    if (playback?.kind !== 'files' || !FILES.test(req.params.file)) {
      sendHttpError(res, 404, '视频流不存在或已过期');
      return;
    }
    const path = join(playback.dir, req.params.file);
    try {
      const info = await stat(path);
      const extension = req.params.file.split('.').pop() ?? '';
      res.setHeader('Content-Type', TYPES[extension] ?? 'application/octet-stream');
      res.setHeader('Content-Length', String(info.size));
      res.setHeader('Cache-Control', extension === 'm3u8' ? 'no-store' : 'private, max-age=60');
      createReadStream(path)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      sendHttpError(res, 404, '视频片段不存在');
    }
  });

  // ZLMediaKit web hooks (configured in its config.ini to point here): only when it is
  // the backend, and only from its own host.
  routes.use('/zlm', (req, res, next) => {
    const zlmHost = live.video?.zlmHost ?? null;
    const from = (req.ip ?? '').replace(/^::ffff:/, '');
    if (!zlmHost || (from !== zlmHost && from !== '127.0.0.1')) sendHttpError(res, 403, '拒绝访问');
    else next();
  });
  routes.post('/zlm/on_play', express.json(), (req, res) => {
    const params = new URLSearchParams(String(req.body?.params ?? ''));
    const ok = live.video?.streams.isLive(params.get('token') ?? '', String(req.body?.stream ?? '')) ?? false;
    res.json({ code: ok ? 0 : -1, msg: ok ? 'success' : '无效的观看凭证' });
  });
  routes.post('/zlm/on_stream_none_reader', express.json(), (req, res) => {
    void live.video?.streams.stopStream(String(req.body?.stream ?? ''), 'no reader');
    res.json({ code: 0, close: true });
  });
  routes.post('/zlm/on_rtp_server_timeout', express.json(), (req, res) => {
    void live.video?.streams.stopStream(String(req.body?.stream_id ?? ''), 'rtp timeout');
    res.json({ code: 0 });
  });
  return routes;
}
