/**
 * Starts the real app for browser tests: a fresh database (a new PGlite folder, or a
 * new PostgreSQL database when CITYGOV_TEST_DB=postgres), the demo seed, and the BFF
 * serving the built web app. Playwright starts and stops this as its webServer.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startZlmSimulator } from '../apps/bff/src/adapters/zlmediakit/simulator';
import { openDatabase } from '../packages/db/src/client';
import { createDatabaseFromTemplate, databaseUrlFor, testDatabaseKind } from '../packages/db/src/testing/test-database';
import { arrangeE2eState } from './e2e-arrange';

const root = resolve(import.meta.dirname, '..');
// A separate build folder (CITYGOV_WEB_DIST) keeps parallel runs from rebuilding under each other.
/** The SIP port of the e2e server: the HTTP port + 20000 (the video spec's simulated cameras register there). */
function e2eSipPort(httpPort: number): number {
  return httpPort + 20_000;
}

const webDist = process.env.CITYGOV_WEB_DIST ?? join(root, 'apps/web/dist');
if (!existsSync(join(webDist, 'index.html'))) {
  console.log('[e2e] building the web app');
  // Into the folder that is served: a CITYGOV_WEB_DIST of its own builds there, not over apps/web/dist.
  execSync(`pnpm --filter @citygov/web exec vite build --outDir ${JSON.stringify(webDist)} --emptyOutDir`, {
    cwd: root,
    stdio: 'inherit',
  });
}

const kind = testDatabaseKind();
process.env.PORT = process.env.E2E_PORT ?? '4321';
process.env.CITYGOV_WEB_DIST = webDist;
process.env.CITYGOV_DEMO_SEED = '1';
// Browser tests count the cases they make: no demo history.
process.env.CITYGOV_DEMO_HISTORY = '0';
// The browser tests' own SIP port and MQTT topics, so parallel runs on one machine do not meet.
process.env.GB28181_PORT = String(e2eSipPort(Number(process.env.PORT)));
process.env.GB28181_HOST = '127.0.0.1';
process.env.GB28181_PUBLIC_IP = '127.0.0.1';
process.env.MQTT_TOPIC_PREFIX = `citygov-e2e-${process.env.PORT}/iot`;
// A broker of our own (Debian's mosquitto) on the HTTP port + 21000: the IoT spec publishes there.
const mqttPort = Number(process.env.PORT) + 21_000;
const broker = spawn('mosquitto', ['-p', String(mqttPort)], { stdio: 'ignore' });
process.on('exit', () => broker.kill());
process.env.MQTT_URL = `mqtt://127.0.0.1:${mqttPort}`;
// The demo's SMS gateway simulator on the HTTP port + 22000: specs read its inbox like a phone.
process.env.CITYGOV_SMS_SIMULATOR_PORT = String(Number(process.env.PORT) + 22_000);
// E2E_MEDIA_BACKEND=zlmediakit: cameras stream to a simulated ZLMediaKit and the browser plays its
// HTTP-FLV through mpegts.js, instead of the built-in backend's HLS through hls.js. The test command
// sets it on the PostgreSQL pass, so the video specs run once through each player.
if (process.env.E2E_MEDIA_BACKEND === 'zlmediakit') {
  const zlm = await startZlmSimulator({
    secret: `citygov-e2e-zlm-${process.env.PORT}`,
    noReaderMs: 30_000,
    rtpTimeoutMs: 15_000,
  });
  zlm.hooks = { prefix: `http://127.0.0.1:${process.env.PORT}/api/video/zlm`, query: `secret=${zlm.secret}` };
  process.env.MEDIA_BACKEND = 'zlmediakit';
  process.env.ZLM_API_URL = zlm.url;
  process.env.ZLM_SECRET = zlm.secret;
  process.env.ZLM_PUBLIC_URL = zlm.url;
  console.log(`[e2e] media backend: simulated ZLMediaKit at ${zlm.url}`);
}
if (kind === 'postgres') {
  const name = await createDatabaseFromTemplate('template0', 'citygov_e2e');
  process.env.DATABASE_URL = databaseUrlFor(name);
  console.log(`[e2e] PostgreSQL database ${name}`);
} else {
  delete process.env.DATABASE_URL;
  process.env.CITYGOV_DATA_DIR = mkdtempSync(join(tmpdir(), 'citygov-e2e-'));
  console.log(`[e2e] PGlite data folder ${process.env.CITYGOV_DATA_DIR}`);
}
// The demo city and the state specs cannot make through the app (a phone silent past the
// 自动下岗 limit), written before the app opens the database.
await arrangeE2eState(
  await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.CITYGOV_DATA_DIR }),
);
await import('../apps/bff/src/main');
