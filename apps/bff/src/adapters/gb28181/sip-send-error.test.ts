import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSipp } from '../../testing/sipp';
import type { CatalogItem } from './catalog-items';
import { Gb28181Platform, type PlatformConfig } from './gb28181-platform';
import type { SipEndpoint } from './sip-stack';

/**
 * A send the network refuses must not end the process. The `sip` package hands a flow's
 * address to its UDP socket, whose lookup fails asynchronously for a name that does not
 * resolve; unpatched, that 'error' event had no listener and ended the whole BFF. Devices
 * are reached over the flow they registered on (an address as seen), so the test puts
 * such a flow on the platform's own stack directly.
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

let platform: Gb28181Platform | null = null;
afterEach(() => {
  platform?.stop();
  platform = null;
  vi.restoreAllMocks();
});

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a SIP send that fails on the socket', () => {
  it('is logged, and a device registering afterwards is online and gives its catalog', async () => {
    const logged: unknown[][] = [];
    const original = console.error;
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args);
      original(...args);
    });
    let catalog: CatalogItem[] | null = null;
    const online: boolean[] = [];
    platform = new Gb28181Platform(CONFIG, {
      passwordOf: async () => PASSWORD,
      online: (_id, isOnline) => online.push(isOnline),
      catalog: (_id, items) => {
        catalog = items;
      },
    });
    const port = await platform.start();
    if (!port) throw new Error('SIP server did not start');

    // The platform's stack sends a catalog query to a flow whose host does not resolve.
    const { stack } = (platform as unknown as { endpoint: SipEndpoint }).endpoint;
    const unresolvable = stack.encodeFlowUri({
      protocol: 'UDP',
      address: 'no-such-host.invalid',
      port: 5060,
      local: { address: CONFIG.host, port },
    });
    stack.send({
      method: 'MESSAGE',
      uri: `sip:34020000001320000099@no-such-host.invalid:5060`,
      version: '2.0',
      headers: {
        via: [],
        to: { uri: `sip:34020000001320000099@${CONFIG.domain}`, params: {} },
        from: { uri: `sip:${CONFIG.sipId}@${CONFIG.domain}`, params: { tag: 'sendfail' } },
        'call-id': 'send-error-test',
        cseq: { seq: 1, method: 'MESSAGE' },
        'max-forwards': '70',
        route: [{ uri: unresolvable, params: {} }],
        'content-type': 'Application/MANSCDP+xml',
      },
      content: '<?xml version="1.0"?><Query><CmdType>Catalog</CmdType><SN>1</SN></Query>',
    });
    const [, error] = await until('the send error in the log', () =>
      logged.find((args) => args[0] === '[gb28181] sip:'),
    );
    expect(error).toMatchObject({ code: 'ENOTFOUND', hostname: 'no-such-host.invalid' });

    // The platform still serves: a device registers, is online, and its catalog arrives.
    const sipp = await runSipp({
      serverPort: port,
      scenario: 'device-register.xml',
      answers: 'device-answers.xml',
      transport: 'u1',
      user: DEVICE,
      password: PASSWORD,
      keys: KEYS,
    });
    const items = await until('the catalog', () => catalog);
    expect(items.map((i) => i.channelId)).toEqual([KEYS.dev_group, KEYS.chan1, KEYS.chan2]);
    expect(online).toEqual([true]);
    expect(platform.device(DEVICE)).toMatchObject({ online: true, transport: 'UDP' });
    expect(await sipp.exitCode, sipp.output()).toBe(0);
  }, 60_000);
});
