import { DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { TRPCError } from '@trpc/server';
import { RecordingCookieJar, type TestApp } from '../../testing/test-app';

/** The error a call failed with; fails the test if it succeeded or threw something else. */
export async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

/** Signs in through auth.login as the login form does, from `ip`; resolves with the cookies and the user. */
export async function signIn(app: TestApp, username: string, password = DEMO_PASSWORD, ip = '127.0.0.1') {
  const cookies = new RecordingCookieJar();
  const me = await (await app.withCookies(cookies, { ip })).auth.login({ username, password });
  return { cookies, me };
}

/** What a client can tell from a refused call: status, stable code, message, field. */
export function answerOf(error: TRPCError) {
  const cause = error.cause as { code?: string; field?: string | null } | undefined;
  return { code: error.code, appCode: cause?.code ?? null, message: error.message, field: cause?.field ?? null };
}
