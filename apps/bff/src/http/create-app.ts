import type { Database } from '@citygov/db/client';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { sql } from 'drizzle-orm';
import express from 'express';
import { appRouter } from '../app-router';
import type { AppConfig } from '../env';
import { type LiveServices, NO_LIVE_SERVICES } from '../live-services';
import { createAlarmRoutes } from '../modules/alarms/http-routes';
import { createAttachmentRoutes } from '../modules/attachments/http-routes';
import { type CaseFeed, createCaseFeed } from '../modules/events/api';
import { createIntegrationRoutes } from '../modules/integrations/http-routes';
import { createOpen311Routes } from '../modules/open311/http-routes';
import { createSmsReceiptRoutes } from '../modules/sms/http-routes';
import { createSsoRoutes } from '../modules/sso/http-routes';
import { createVideoRoutes } from '../modules/video/http-routes';
import { limitTrpcBatch } from '../trpc/batch-limit';
import { createRequestContext } from '../trpc/create-context';
import { refuseCrossSiteWrites } from './csrf-guard';
import { answerError, answerNotFound } from './http-errors';
import { rejectMalformedUrl } from './reject-malformed-url';
import { securityHeaders } from './security-headers';
import { hasWebApp, serveWebApp } from './serve-web-app';

const MAX_BODY_BYTES = 1_000_000;

/**
 * The HTTP surface, in the order a request meets it: security headers; health probes;
 * Open311 (API key, no cookie); a 400 for undecodable paths; the cross-site write
 * guard; attachments and the tRPC API (session cookie); in start mode the built web
 * app; a JSON 404; and the one error handler. One live case feed per app (per process),
 * shared by every open screen's subscription.
 */
export function createHttpApp(
  db: Database,
  config: AppConfig,
  caseFeed: CaseFeed = createCaseFeed(db),
  live: LiveServices = NO_LIVE_SERVICES,
) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Express's own fallbacks would print stack traces in "development"; ours never reach them.
  app.set('env', config.development ? 'development' : 'production');

  const mediaSources = config.media.zlm ? [new URL(config.media.zlm.publicUrl).origin] : [];
  app.use(securityHeaders(config.tileSources, mediaSources));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await db.execute(sql`select 1`);
      res.json({ status: 'ready' });
    } catch (error) {
      console.error('[readyz] database does not answer:', error);
      res.status(503).json({ status: 'unavailable' });
    }
  });

  // Other systems with an API key and no cookie: nothing to forge, so before the CSRF guard.
  app.use('/open311', createOpen311Routes(db, config));

  // Video: HLS by viewer token (GET), and ZLMediaKit's hooks, which carry no session or CSRF header.
  // Video analytics push their alarms with a key (no session to forge).
  app.use('/api/video', createVideoRoutes(db, config, live));

  // Machine alarm sources (video AI, sensor platforms) push signed batches: no session to forge.
  app.use('/api/alarms', createAlarmRoutes(db, config));

  // SMS delivery receipts: the gateway signs the body (HMAC), it has no session to forge.
  app.use('/api/sms/receipts', createSmsReceiptRoutes(db, config));
  // Outside systems' callbacks (省平台 feedback), authenticated by their signature.
  app.use('/api/integrations', createIntegrationRoutes(db, config));

  app.use(rejectMalformedUrl);
  app.use(refuseCrossSiteWrites);

  // 浙政钉 scan login and 浙里办 citizen sign-in: the browser's redirects to and back from them.
  app.use('/api/sso', createSsoRoutes(db, config));

  app.use('/api/attachments', createAttachmentRoutes(db, config));

  app.use(
    '/trpc',
    // Answers carry one user's data: never kept by a browser or a proxy (ASVS V8.2.1).
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    limitTrpcBatch(db),
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_BODY_BYTES,
      createContext: ({ req, res }) => createRequestContext(db, config, req, res, caseFeed, live),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${path}:`, error.cause ?? error);
      },
    }),
  );

  if (hasWebApp(config.webDist)) app.use(...serveWebApp(config.webDist));

  app.use(answerNotFound);
  app.use(answerError);
  return app;
}
