import { sessions } from '@citygov/db/schema/auth';
import { DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, RecordingCookieJar, type TestApp } from '../../testing/test-app';
import { failure } from '../cases/case-test-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

async function kioskLogin(username: string) {
  const cookies = new RecordingCookieJar();
  const me = await (await app.withCookies(cookies)).auth.login({ username, password: DEMO_PASSWORD, kiosk: 'wall' });
  return { cookies, me };
}

/** Moves every session of the user back in time, as if the screen had been left alone for so long. */
async function idleFor(username: string, ms: number) {
  const userId = await app.userId(username);
  await app.db
    .update(sessions)
    .set({ lastSeenAt: new Date(Date.now() - ms) })
    .where(eq(sessions.userId, userId));
}

describe('the wall kiosk session (大屏值守)', () => {
  it('reads the wall, and nothing else', async () => {
    const { cookies, me } = await kioskLogin('linjiang.shift_lead');
    expect(me.kiosk).toBe('wall');
    expect(me.permissions).toEqual(['dashboard.view']);
    const kiosk = await app.withCookies(cookies);
    expect((await kiosk.wall.view({})).area.name).toBe('临江区');
    expect((await failure(kiosk.cases.list({}))).code).toBe('FORBIDDEN');
    expect((await failure(kiosk.portal.home())).code).toBe('FORBIDDEN');
    expect((await failure(kiosk.auth.sessions())).code).toBe('FORBIDDEN');
    expect((await kiosk.auth.me()).user?.kiosk).toBe('wall');
  });

  it('does not idle out, while a normal session of the same user does', async () => {
    const { cookies: kioskCookies } = await kioskLogin('linjiang.dispatcher');
    const deskCookies = new RecordingCookieJar();
    await (await app.withCookies(deskCookies)).auth.login({ username: 'linjiang.dispatcher', password: DEMO_PASSWORD });
    await idleFor('linjiang.dispatcher', app.config.sessionIdleMs + 3_600_000);
    expect((await (await app.withCookies(deskCookies)).auth.me()).user).toBeNull();
    expect((await (await app.withCookies(kioskCookies)).wall.view({})).area.name).toBe('临江区');
  });

  it('is refused to a role that may not see the wall', async () => {
    const refused = await failure(kioskLogin('linjiang.collector'));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('指挥大屏');
    const userId = await app.userId('linjiang.collector');
    const open = await app.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(open.filter((s) => s.kiosk === 'wall')).toEqual([]);
  });
});
