import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openDatabase } from '@citygov/db/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { seedDemoDuty } from '@citygov/db/seed/demo-history/write-duty-history';
import { seedDemoHistory } from '@citygov/db/seed/demo-history/write-history';
import { seedDemoCity } from '@citygov/db/seed/seed-demo-city';
import { ProvinceSimulator } from './adapters/province/province-simulator';
import { createChannelRegistry, integrationSettingsOf } from './adapters/registry';
import { withDemoSimulators } from './demo-simulators';
import { loadConfig } from './env';
import { createHttpApp } from './http/create-app';
import type { LiveServices } from './live-services';
import { photoHashTimer, sweepStaleTempFiles } from './modules/attachments/api';
import { warmIntakeModel } from './modules/category-model/api';
import { callExpiryTimer } from './modules/command/api';
import { seedDemoCrossCheck } from './modules/cross-check/api';
import { catchUpStaleFacts, startStaleFactsAtHead } from './modules/evaluation/api';
import { OutboxWorker } from './modules/integrations/api';
import { IotHub, seedDemoSensors } from './modules/iot/api';
import { searchIndexOf } from './modules/search/api';
import { dutySilenceTimer } from './modules/staff/api';
import { VideoCentre } from './modules/video/api';
import { wallRollupOf } from './modules/wall/api';
import { keepServingAfterStrayErrors } from './process-guards';

const here = dirname(fileURLToPath(import.meta.url));

function logged(what: string) {
  return (error: unknown) => {
    console.error(`[citygov] ${what} did not start:`, error);
    return null;
  };
}

/** A year of demo cases on a fresh demo city, with a progress line (it takes a few minutes on PGlite). */
async function seedHistory(db: Parameters<typeof seedDemoHistory>[0], count: number): Promise<void> {
  let lastLine = 0;
  const figures = await seedDemoHistory(db, {
    count,
    onProgress: ({ phase, done, total, ms }) => {
      // One line every few seconds (and the last of each phase): readable on a terminal and in logs.
      if (ms - lastLine < 3_000 && done < total) return;
      lastLine = ms;
      console.log(
        `[citygov] demo history: ${phase} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${(ms / 1000).toFixed(1)} s)`,
      );
    },
  });
  if (figures.written) {
    console.log(
      `[citygov] demo history ready: ${figures.cases.toLocaleString('en-US')} cases, ${figures.events.toLocaleString('en-US')} timeline events in ${(figures.ms / 1000).toFixed(1)} s`,
    );
  }
}

/** The field staff's last week on duty (上岗/下岗, GPS tracks), so 在岗统计 and 轨迹回放 are not empty. */
async function seedDuty(db: Parameters<typeof seedDemoDuty>[0]): Promise<void> {
  let lastLine = 0;
  const figures = await seedDemoDuty(db, {
    onProgress: ({ phase, done, total, ms }) => {
      if (ms - lastLine < 3_000 && done < total) return;
      lastLine = ms;
      console.log(
        `[citygov] demo duty: ${phase} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${(ms / 1000).toFixed(1)} s)`,
      );
    },
  });
  if (figures.written) {
    console.log(
      `[citygov] demo duty ready: ${figures.people} field staff, ${figures.changes} 上岗/下岗, ${figures.fixes.toLocaleString('en-US')} GPS fixes in ${(figures.ms / 1000).toFixed(1)} s`,
    );
  }
}

/**
 * Work that only makes the first use faster: the category model (built before the first
 * acceptor types), the wall's rollup, the search index and the evaluation's stale-facts
 * marks (all read the event stream's backlog, a long history on first start).
 */
function warmUpInBackground(db: Parameters<typeof warmIntakeModel>[0]): void {
  warmIntakeModel(db);
  void wallRollupOf(db).catchUp().catch(logged('wall rollup'));
  void searchIndexOf(db).catchUp().catch(logged('search index'));
  void catchUpStaleFacts(db).catch(logged('evaluation facts'));
}

async function main() {
  const simulators = await withDemoSimulators(loadConfig());
  let config = simulators.config;
  for (const line of simulators.lines) console.log(`[citygov] ${line}`);
  const webDist = config.webDist ?? resolve(here, '../../web/dist');
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    preparedStatements: config.preparedStatements,
  });
  console.log(`[citygov] database: ${database.kind} (${database.location})`);
  await migrateDatabase(database);
  if (config.seedDemo) {
    const started = Date.now();
    // Live progress on a terminal; logs and CI get the summary line only.
    const live = process.stdout.isTTY === true;
    const counts = await seedDemoCity(database.db, {
      onProgress: ({ step, done, total }) => {
        if (live) process.stdout.write(`\r[citygov] seeding ${step} ${done}/${total}   `);
      },
    });
    if (live) process.stdout.write('\n');
    console.log(`[citygov] demo city ready in ${Date.now() - started} ms:`, counts);
  }
  if (config.demoHistory > 0) {
    await seedHistory(database.db, config.demoHistory);
    await seedDuty(database.db).catch(logged('demo duty'));
    // Last month's 交叉抽查 on the history (a fresh city only; reviews go through the transition core).
    const crossCheck = await seedDemoCrossCheck(database.db).catch(logged('demo cross-check'));
    if (crossCheck?.plans)
      console.log(`[citygov] demo cross-check: ${crossCheck.plans} plans, ${crossCheck.reviewed} reviews`);
    // Nothing has been evaluated on a fresh history: the evaluation need not read it through.
    await startStaleFactsAtHead(database.db).catch(logged('evaluation facts'));
  }
  const swept = await sweepStaleTempFiles(config.dataDir);
  if (swept > 0) console.log(`[citygov] removed ${swept} stale temporary upload file(s)`);
  // Long-running services of the process; neither may keep the app from starting.
  const live: LiveServices = {
    video: config.gb28181.enabled ? await VideoCentre.start(database.db, config).catch(logged('video centre')) : null,
    iot: config.iot.enabled ? IotHub.start(database.db, config) : null,
  };
  if (config.seedDemo) await seedDemoSensors(database.db).catch(logged('demo sensors'));
  // Demo mode without a province platform: start its simulator (a random free port) and link to it.
  let provinceSimulator: ProvinceSimulator | null = null;
  if (config.seedDemo && !config.province) {
    provinceSimulator = new ProvinceSimulator(config.provinceCredentials);
    const url = await provinceSimulator.start(0);
    config = { ...config, province: { ...config.provinceCredentials, url } };
    console.log(`[citygov] province platform simulator on ${url}`);
  }
  const outbox = config.outbox.worker
    ? await OutboxWorker.start({
        db: database.db,
        kind: database.kind,
        databaseUrl: config.databaseUrl,
        channels: createChannelRegistry(integrationSettingsOf(database.db, config)),
        sweepMs: config.outbox.sweepMs,
        timers: [callExpiryTimer, photoHashTimer(config.dataDir), dutySilenceTimer(config.dutySilenceMinutes)],
      }).catch(logged('outbox worker'))
    : null;
  const app = createHttpApp(database.db, { ...config, webDist }, undefined, live);
  const cannotListen = (error: Error) => {
    console.error('[citygov] cannot listen:', error);
    process.exit(1);
  };
  const server = app.listen(config.port, config.host, () => {
    server.off('error', cannotListen);
    server.on('error', (error) => console.error('[citygov] server error:', error));
    keepServingAfterStrayErrors();
    const url = `http://localhost:${config.port}`;
    console.log(`[citygov] listening on ${url}`);
    // Started once the app answers: on PGlite every query shares one connection and one thread,
    // so a backlog read here would otherwise hold the services above, and the listen, behind it.
    warmUpInBackground(database.db);
    if (config.seedDemo) {
      const names = DEMO_ACCOUNTS.map((a) => a.username);
      console.log(`[citygov] demo logins (password ${DEMO_PASSWORD}): ${names.join(', ')}`);
    }
  });
  server.on('error', cannotListen);
  const shutdown = () => {
    server.close();
    void Promise.allSettled([
      live.video?.stop(),
      live.iot?.stop(),
      outbox?.stop(),
      provinceSimulator?.stop(),
      simulators.stop(),
    ])
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error('[citygov] failed to start:', error);
  process.exit(1);
});
