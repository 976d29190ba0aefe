import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CameraSimulator, type SimulatedCamera } from '../../adapters/gb28181/simulator/simulated-cameras';
import type { AppConfig } from '../../env';
import { createHttpApp } from '../../http/create-app';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { VideoCentre } from './video-centre';

/**
 * A test app whose video centre is reached on this machine only (a free SIP port, loopback
 * addresses) and keeps its media in a folder of its own; `env` adds or overrides settings.
 */
export function openVideoTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return openTestApp({
    GB28181_PORT: '0',
    GB28181_HOST: '127.0.0.1',
    GB28181_PUBLIC_IP: '127.0.0.1',
    CITYGOV_DATA_DIR: mkdtempSync(join(tmpdir(), 'citygov-video-test-')),
    ...env,
  });
}

/** Polls `probe` every 100 ms until it gives something, or fails naming `what`. */
export async function until<T>(
  what: string,
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface VideoRig {
  centre: VideoCentre;
  cameras: CameraSimulator;
  server: Server;
  base: string;
  /** Stops the cameras and the HTTP server (the app is the caller's to close). */
  close(): Promise<void>;
}

/**
 * The test app's video centre started, simulated cameras registering with it over SIP
 * (UDP signalling, keepalive every 5 s), and the app's HTTP stack listening on loopback.
 */
export async function startVideoRig(
  app: TestApp,
  cameras: SimulatedCamera[],
  config: AppConfig = app.config,
): Promise<VideoRig> {
  const centre = await VideoCentre.start(app.db, config);
  if (!centre?.port) throw new Error('video centre did not start');
  app.live.video = centre;
  const simulator = new CameraSimulator({
    server: { host: '127.0.0.1', port: centre.port },
    transport: 'UDP',
    domain: app.config.gb28181.domain,
    platformId: app.config.gb28181.sipId,
    password: app.config.gb28181.password,
    cameras,
    keepaliveSeconds: 5,
  });
  await simulator.start();
  const server = createHttpApp(app.db, app.config, app.caseFeed, app.live).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    centre,
    cameras: simulator,
    server,
    base,
    async close() {
      await simulator.stop();
      server.close();
    },
  };
}
