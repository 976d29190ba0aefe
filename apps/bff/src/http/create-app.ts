import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@citygov/db/client';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { sql } from 'drizzle-orm';
import express from 'express';
import { appRouter } from '../app-router';
import type { AppConfig } from '../env';
import { createAttachmentRoutes } from '../modules/attachments/http-routes';
import { type CaseFeed, createCaseFeed } from '../modules/events/case-feed';
import { createOpen311Routes } from '../modules/open311/http-routes';
import { limitTrpcBatch } from '../trpc/batch-limit';
import { createRequestContext } from '../trpc/create-context';

const MAX_BODY_BYTES = 1_000_000;

/**
 * The HTTP surface: health probes, the tRPC API, and (in start mode) the built web app.
 * One live case feed per app (per process), shared by every open screen's subscription.
 */
export function createHttpApp(db: Database, config: AppConfig, caseFeed: CaseFeed = createCaseFeed(db)) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await db.execute(sql`select 1`);
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', error: String(error) });
    }
  });

  app.use('/api/attachments', createAttachmentRoutes(db, config));
  app.use('/open311', createOpen311Routes(db, config));

  app.use(
    '/trpc',
    limitTrpcBatch(db),
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_BODY_BYTES,
      createContext: ({ req, res }) => createRequestContext(db, config, req, res, caseFeed),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${path}:`, error.cause ?? error);
      },
    }),
  );

  const dist = config.webDist;
  if (dist && existsSync(join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // Client-side routes: any other GET gets the SPA shell.
    app.use((req, res, next) => {
      if (req.method !== 'GET') return next();
      res.sendFile(join(dist, 'index.html'));
    });
  }
  return app;
}
