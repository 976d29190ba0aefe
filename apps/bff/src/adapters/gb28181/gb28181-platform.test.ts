import { afterEach, describe, expect, it } from 'vitest';
import { runSipp } from '../../testing/sipp';
import type { CatalogItem } from './catalog-items';
import { Gb28181Platform, type PlatformConfig } from './gb28181-platform';
import { CameraSimulator, type SimulatedCamera } from './simulator/simulated-cameras';

/**
 * The SIP server against SIPp playing a camera (sip-tester): digest registration, a
 * refused wrong password, keepalive and offline after missed ones, a catalog gathered
 * across MESSAGEs until SumNum, INVITE / ACK / BYE, and unregistration, over UDP and TCP.
 */
const DEVICE = '34020000001320000001';
const PASSWORD = 'Gb28181@Demo';
const CONFIG: PlatformConfig = {
  sipId: '34020000002000000001',
  domain: '3402000000',
  port: 0,
  host: '127.0.0.1',
  publicAddress: '127.0.0.1',
  keepaliveSeconds: 60,
  missedKeepalives: 3,
  queryTimeoutMs: 10_000,
};

interface Seen {
  registered: { transport: string; firstTime: boolean }[];
  online: { online: boolean; reason: string }[];
  keepalives: number;
  catalog: CatalogItem[] | null;
  catalogs: number;
  unregistered: boolean;
}

let platform: Gb28181Platform | null = null;
afterEach(() => {
  platform?.stop();
  platform = null;
});

async function startPlatform(config: Partial<PlatformConfig> = {}) {
  const seen: Seen = { registered: [], online: [], keepalives: 0, catalog: null, catalogs: 0, unregistered: false };
  platform = new Gb28181Platform(
    { ...CONFIG, ...config },
    {
      passwordOf: async () => PASSWORD,
      registered: (device, firstTime) => seen.registered.push({ transport: device.transport, firstTime }),
      online: (_id, online, reason) => seen.online.push({ online, reason }),
      keepalive: () => {
        seen.keepalives++;
      },
      catalog: (_id, items) => {
        seen.catalog = items;
        seen.catalogs++;
      },
      unregistered: () => {
        seen.unregistered = true;
      },
    },
  );
  const port = await platform.start();
  if (!port) throw new Error('SIP server did not start');
  return { port, seen, platform };
}

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const KEYS = {
  dev: DEVICE,
  domain: CONFIG.domain,
  platform: CONFIG.sipId,
  dev_group: '34020000002150000001',
  chan1: '34020000001320000011',
  chan2: '34020000001310000012',
  lng: '120.1551',
  lat: '30.2741',
};

describe.each([
  ['UDP', 'u1'],
  ['TCP', 't1'],
] as const)('GB/T 28181 SIP server over %s, with SIPp as the device', (transport, sippTransport) => {
  it('registers with digest auth, gathers the catalog, keeps alive, plays over INVITE/ACK/BYE and unregisters', async () => {
    const { port, seen, platform } = await startPlatform();
    const sipp = await runSipp({
      serverPort: port,
      scenario: 'device-register.xml',
      answers: 'device-answers.xml',
      transport: sippTransport,
      user: DEVICE,
      password: PASSWORD,
      keys: KEYS,
    });

    const catalog = await until('the catalog', () => seen.catalog);
    expect(seen.registered).toEqual([{ transport, firstTime: true }]);
    expect(seen.online[0]).toEqual({ online: true, reason: '设备注册' });
    // Three items arrived in two MESSAGEs (SumNum 3); the group's bare & survived.
    expect(catalog.map((i) => [i.channelId, i.role, i.name, i.parentId, i.online])).toEqual([
      [KEYS.dev_group, 'group', '临江区 & 城管', null, true],
      [KEYS.chan1, 'camera', '滨江路东口', KEYS.dev_group, true],
      [KEYS.chan2, 'camera', '滨江路西口', KEYS.dev_group, false],
    ]);
    expect(catalog[1]).toMatchObject({ lng: 120.1551, lat: 30.2741, ptzType: 1 });
    await until('a keepalive', () => seen.keepalives > 0);
    expect(platform.device(DEVICE)).toMatchObject({ online: true, transport });

    const dialog = await platform.invite(DEVICE, {
      channelId: KEYS.chan1,
      mode: 'Play',
      mediaHost: '127.0.0.1',
      mediaPort: 30_000,
      transport: 'UDP',
      ssrc: '0020000001',
    });
    expect(dialog.answer).toMatchObject({ session: 'Play', port: 40_000, ssrc: '0020000001' });
    expect(platform.activeDialogs()).toBe(1);
    expect(await platform.bye(dialog.callId)).toBe(200);
    expect(platform.activeDialogs()).toBe(0);

    await until('the unregistration', () => seen.unregistered, 20_000);
    expect(platform.device(DEVICE)).toBeNull();
    expect(seen.online.at(-1)).toEqual({ online: false, reason: '设备注销' });
    expect(await sipp.exitCode, sipp.output()).toBe(0);
  });

  it('refuses a wrong password with 403 and keeps no registration', async () => {
    const { port, seen, platform } = await startPlatform();
    const sipp = await runSipp({
      serverPort: port,
      scenario: 'device-wrong-password.xml',
      transport: sippTransport,
      user: DEVICE,
      password: 'not-the-password',
      keys: KEYS,
    });
    expect(await sipp.exitCode, sipp.output()).toBe(0);
    expect(seen.registered).toEqual([]);
    expect(platform.device(DEVICE)).toBeNull();
  });
});

describe('keepalive watchdog', () => {
  it('marks a device offline after three missed keepalives', async () => {
    const { port, seen } = await startPlatform({ keepaliveSeconds: 0.4 });
    const sipp = await runSipp({
      serverPort: port,
      scenario: 'device-register.xml',
      answers: 'device-answers.xml',
      transport: 'u1',
      user: DEVICE,
      password: PASSWORD,
      keys: KEYS,
    });
    const offline = await until('offline', () => seen.online.find((o) => !o.online));
    expect(offline.reason).toBe('连续3次未收到心跳');
    expect(await sipp.exitCode, sipp.output()).toBe(0);
  });
});

describe('a device that registers again while online', () => {
  const camerasNamed = (name: string): SimulatedCamera[] => [
    { deviceId: DEVICE, channelId: KEYS.chan1, name, lng: 120.1551, lat: 30.2741 },
  ];
  const simulator = (port: number, name: string) =>
    new CameraSimulator({
      server: { host: '127.0.0.1', port },
      transport: 'UDP',
      domain: CONFIG.domain,
      platformId: CONFIG.sipId,
      password: PASSWORD,
      cameras: camerasNamed(name),
      keepaliveSeconds: 60,
    });
  const cameraNames = (items: CatalogItem[] | null) => items?.filter((i) => i.role === 'camera').map((i) => i.name);

  it('is asked for its catalog again after a restart (a new REGISTER Call-ID), not on a refresh', async () => {
    const { port, seen } = await startPlatform();
    const before = simulator(port, '滨江路东口');
    const after = simulator(port, '滨江路东口（改名）');
    try {
      await before.start();
      await until('the first catalog', () => seen.catalogs === 1);
      expect(cameraNames(seen.catalog)).toEqual(['滨江路东口']);

      // A refresh keeps the Call-ID: nothing is asked (a query would answer within a few ms on loopback).
      expect(await before.register(DEVICE, 3600)).toBe(200);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(seen.catalogs).toBe(1);

      // The device restarts without unregistering, renamed channel and all, and registers anew.
      await before.stop();
      await after.start();
      await until('the catalog after the restart', () => seen.catalogs === 2);
      expect(cameraNames(seen.catalog)).toEqual(['滨江路东口（改名）']);
      expect(seen.registered.map((r) => r.firstTime)).toEqual([true, false, false]);
      expect(seen.online).toEqual([{ online: true, reason: '设备注册' }]);
    } finally {
      await before.stop();
      await after.stop();
    }
  });
});
