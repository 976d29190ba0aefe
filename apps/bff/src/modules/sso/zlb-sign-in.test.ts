import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZLB_USER_PATH } from '../../adapters/zlb/client';
import { signZlbRequest } from '../../adapters/zlb/signing';
import {
  DEMO_ZLB_ACCESS_KEY,
  DEMO_ZLB_APP_ID,
  DEMO_ZLB_SECRET_KEY,
  startZlbSimulator,
  type ZlbSimulator,
} from '../../adapters/zlb/simulator';
import { type LiveServer, startLiveServer } from '../../testing/live-server';
import { openTestApp, type TestApp } from '../../testing/test-app';

let sim: ZlbSimulator;
let app: TestApp;
let live: LiveServer;

beforeAll(async () => {
  sim = await startZlbSimulator();
  app = await openTestApp({
    ZLB_URL: sim.url,
    ZLB_APP_ID: DEMO_ZLB_APP_ID,
    ZLB_ACCESS_KEY: DEMO_ZLB_ACCESS_KEY,
    ZLB_SECRET_KEY: DEMO_ZLB_SECRET_KEY,
  });
  live = await startLiveServer(app.db, app.config);
});
afterAll(async () => {
  await live?.close();
  await app?.close();
  await sim?.close();
});

const cookieOf = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

describe('浙里办 sign-in for citizens', () => {
  it('the IRS gateway simulator refuses an unsigned call and one signed with the wrong secret', async () => {
    const unsigned = await fetch(`${sim.url}${ZLB_USER_PATH}`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    const headers = signZlbRequest({
      method: 'POST',
      path: ZLB_USER_PATH,
      accessKey: DEMO_ZLB_ACCESS_KEY,
      secretKey: 'wrong-secret-0000',
    });
    const wrong = await fetch(`${sim.url}${ZLB_USER_PATH}`, {
      method: 'POST',
      body: '{}',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(wrong.status).toBe(401);
    expect(sim.refusals.map((r) => r.reason)).toEqual(['missing signature headers', 'signature mismatch']);
  });

  it('login → 浙里办 → ticket → back on the report page signed in, with name and phone to prefill', async () => {
    const start = await fetch(`${live.base}/api/sso/zlb/login?from=/public/report`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const state = cookieOf(start, 'citygov_sso_state') ?? '';
    const loginPage = new URL(start.headers.get('location') ?? '');
    expect(loginPage.origin).toBe(sim.url);
    // The citizen picks themselves on the (simulated) 浙里办 page.
    const confirmed = await fetch(`${sim.url}/sso/confirm`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ userId: 'zlb-3301-0002', goto: loginPage.searchParams.get('goto') ?? '' }),
    });
    const back = confirmed.headers.get('location') ?? '';
    expect(back).toContain('/api/sso/zlb/callback?');
    const callback = await fetch(back, { redirect: 'manual', headers: { cookie: state } });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/public/report');
    const citizen = cookieOf(callback, 'citygov_citizen') ?? '';
    expect(citizen).not.toBe('');

    const me = await fetch(`${live.base}/trpc/sso.citizen`, { headers: { cookie: citizen } });
    const body = (await me.json()) as {
      result: { data: { json: { citizen: { name: string; phone: string } | null } } };
    };
    expect(body.result.data.json.citizen).toMatchObject({ name: '周丽', phone: '13757110002' });
  });

  it('a callback without the browser’s state goes back to the page with an error flag, signed out', async () => {
    const ticket = sim.ticketFor('zlb-3301-0001');
    const callback = await fetch(
      `${live.base}/api/sso/zlb/callback?ticket=${ticket}&state=forged&from=/public/report`,
      {
        redirect: 'manual',
      },
    );
    expect(callback.headers.get('location')).toBe('/public/report?zlbError=1');
    expect(cookieOf(callback, 'citygov_citizen')).toBeUndefined();
  });
});
