/**
 * Video centre bench: (1) 10,000 simulated GB/T 28181 devices register and keep alive
 * every 60 s against a BFF in its own process (embedded PGlite, SIP over UDP); the BFF's
 * CPU and resident memory are read from /proc over one keepalive period; (2) INVITE →
 * first HLS segment: a simulated camera streams H.264 and the time from play() to a
 * playable playlist is measured (built-in media backend, ffmpeg).
 *
 * Environment: BENCH_VIDEO_DEVICES (10,000), BENCH_VIDEO_WINDOW_S (60).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CameraSimulator, demoCameras } from '../apps/bff/src/adapters/gb28181/simulator/simulated-cameras';
import { freeSipPort } from '../apps/bff/src/adapters/gb28181/sip-stack';
import { loadConfig } from '../apps/bff/src/env';
import { VideoCentre } from '../apps/bff/src/modules/video/video-centre';
import { migrateDatabase, openDatabase } from '../packages/db/src/client';
import { summarise } from './stats';

const DEVICES = Number(process.env.BENCH_VIDEO_DEVICES ?? 10_000);
const WINDOW_S = Number(process.env.BENCH_VIDEO_WINDOW_S ?? 60);
const PLAYS = 5;
const root = resolve(import.meta.dirname, '..');
const CLOCK_TICKS = 100;

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat; after "comm) " they are at 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(line?.[1] ?? 0) / 1024;
}

async function waitFor(what: string, probe: () => boolean, ms: number): Promise<void> {
  const started = Date.now();
  while (!probe()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The BFF as `npm start` runs it, in its own process, on a fresh embedded database without the demo city. */
async function startBff(): Promise<{ child: ChildProcess; sipPort: number; pid: number }> {
  const sipPort = await freeSipPort(0, '127.0.0.1');
  const httpPort = await freeSipPort(0, '127.0.0.1');
  if (!sipPort || !httpPort) throw new Error('no free ports');
  const { DATABASE_URL: _notHere, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/bff/src/main.ts')], {
    cwd: root,
    env: {
      ...inherited,
      PORT: String(httpPort),
      HOST: '127.0.0.1',
      CITYGOV_DATA_DIR: mkdtempSync(join(tmpdir(), 'citygov-bench-video-')),
      CITYGOV_DEMO_SEED: '0',
      GB28181_PORT: String(sipPort),
      GB28181_HOST: '127.0.0.1',
      GB28181_PUBLIC_IP: '127.0.0.1',
      MQTT_ENABLED: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor('the BFF to listen', () => output.includes('[citygov] listening'), 120_000);
  if (!child.pid) throw new Error('no BFF process');
  return { child, sipPort, pid: child.pid };
}

async function keepaliveBench(): Promise<void> {
  const bff = await startBff();
  const idleRss = rssMiB(bff.pid);
  const simulator = new CameraSimulator({
    server: { host: '127.0.0.1', port: bff.sipPort },
    transport: 'UDP',
    domain: '3402000000',
    platformId: '34020000002000000001',
    password: 'Citygov@28181',
    cameras: demoCameras(DEVICES),
    keepaliveSeconds: 60,
    stream: false,
    registerRate: 200,
  });
  const registerStarted = performance.now();
  const cpuBefore = cpuSeconds(bff.pid);
  await simulator.start();
  // Until every device is in, or nothing moved for 20 s (then the count says how many made it).
  let last = -1;
  let stillSince = Date.now();
  while (simulator.stats.registered < DEVICES && Date.now() - stillSince < 20_000) {
    await new Promise((r) => setTimeout(r, 1000));
    if (simulator.stats.registered !== last) {
      last = simulator.stats.registered;
      stillSince = Date.now();
      if (process.stdout.isTTY) process.stdout.write(`\r    registered ${last}/${DEVICES}   `);
    }
  }
  const registerS = (performance.now() - registerStarted) / 1000;
  const registerCpu = cpuSeconds(bff.pid) - cpuBefore;
  // Let the catalog and device-info queries that follow registration finish.
  await new Promise((r) => setTimeout(r, 10_000));

  const sentBefore = simulator.stats.keepalivesSent;
  const cpuStart = cpuSeconds(bff.pid);
  const windowStarted = performance.now();
  let peakRss = 0;
  while (performance.now() - windowStarted < WINDOW_S * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    peakRss = Math.max(peakRss, rssMiB(bff.pid));
  }
  const elapsed = (performance.now() - windowStarted) / 1000;
  const cpu = cpuSeconds(bff.pid) - cpuStart;
  const sent = simulator.stats.keepalivesSent - sentBefore;
  console.log(
    `  ${DEVICES.toLocaleString('en-US')} devices (one simulator process, UDP), BFF in its own process on PGlite: ${simulator.stats.registered.toLocaleString('en-US')} registered`,
  );
  console.log(
    `    registration (digest, then catalog + device info each)  ${registerS.toFixed(1)} s, BFF CPU ${registerCpu.toFixed(1)} s`,
  );
  console.log(
    `    keepalive, ${elapsed.toFixed(0)} s window               ${sent.toLocaleString('en-US')} keepalives (${(sent / elapsed).toFixed(0)}/s), BFF CPU ${((cpu / elapsed) * 100).toFixed(1)}% of one core, RSS ${rssMiB(bff.pid).toFixed(0)} MiB (peak ${peakRss.toFixed(0)}, ${idleRss.toFixed(0)} before devices)`,
  );
  await simulator.stop();
  bff.child.kill('SIGTERM');
}

async function inviteBench(): Promise<void> {
  const database = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://' });
  await migrateDatabase(database);
  const config = loadConfig({
    NODE_ENV: 'production',
    GB28181_PORT: '0',
    GB28181_HOST: '127.0.0.1',
    GB28181_PUBLIC_IP: '127.0.0.1',
    MQTT_ENABLED: '0',
  });
  const centre = await VideoCentre.start(database.db, config);
  if (!centre?.port) throw new Error('video centre did not start');
  const [camera] = demoCameras(1);
  if (!camera) throw new Error('no camera');
  const simulator = new CameraSimulator({
    server: { host: '127.0.0.1', port: centre.port },
    transport: 'UDP',
    domain: config.gb28181.domain,
    platformId: config.gb28181.sipId,
    password: config.gb28181.password,
    cameras: [camera],
    keepaliveSeconds: 30,
  });
  await simulator.start();
  await waitFor('the camera', () => centre.platform.device(camera.deviceId)?.online === true, 30_000);
  const waits: number[] = [];
  for (let i = 0; i < PLAYS; i++) {
    const grant = await centre.streams.play(
      { deviceId: camera.deviceId, channelId: camera.channelId, mode: 'Play' },
      1,
    );
    waits.push(grant.waitedMs);
    await centre.streams.stopStream(grant.streamId, 'bench');
  }
  const s = summarise(waits);
  console.log(
    `  INVITE → first HLS segment (640×360 H.264, 1 s segments, keyframe every 1 s, built-in backend): p50 ${s.p50.toFixed(0)} ms, min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)} ms (n=${s.n})`,
  );
  await simulator.stop();
  await centre.stop();
  await database.close();
}

export async function benchVideoDevices(): Promise<void> {
  console.log('\n== video centre (GB/T 28181)');
  await inviteBench();
  await keepaliveBench();
}
