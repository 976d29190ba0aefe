import { openDatabase } from '@citygov/db/client';
import { createChannelRegistry, integrationSettingsOf } from './adapters/registry';
import { loadConfig } from './env';
import { photoHashTimer } from './modules/attachments/api';
import { callExpiryTimer } from './modules/command/api';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy, OutboxWorker } from './modules/integrations/api';
import { dutySilenceTimer } from './modules/staff/api';

/**
 * A delivery worker on its own (`pnpm outbox:worker`): the same worker every BFF process
 * runs, for a deployment that keeps delivery apart from the web processes (set
 * OUTBOX_WORKER=0 there). PostgreSQL only: PGlite cannot be shared between processes.
 * `--policy '{"baseDelayMs":500}'` overrides the delivery policy (the fault test does).
 */
async function main() {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required: a separate worker needs a shared PostgreSQL');
  const policyAt = process.argv.indexOf('--policy');
  const override = policyAt > 0 ? (JSON.parse(process.argv[policyAt + 1] ?? '{}') as Partial<DeliveryPolicy>) : {};
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    maxConnections: 5,
    preparedStatements: config.preparedStatements,
  });
  const worker = await OutboxWorker.start({
    db: database.db,
    kind: database.kind,
    databaseUrl: config.databaseUrl,
    channels: createChannelRegistry(integrationSettingsOf(database.db, config)),
    policy: { ...DEFAULT_DELIVERY_POLICY, ...override },
    sweepMs: config.outbox.sweepMs,
    maintenanceSeconds: Math.max(1, Math.round(config.outbox.sweepMs / 1000)),
    timers: [callExpiryTimer, photoHashTimer(config.dataDir), dutySilenceTimer(config.dutySilenceMinutes)],
  });
  console.log(`[citygov] outbox worker ${process.pid} running`);
  const shutdown = () => {
    void worker
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error('[citygov] outbox worker failed:', error);
  process.exit(1);
});
