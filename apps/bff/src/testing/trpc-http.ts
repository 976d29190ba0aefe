import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@citygov/domain/request-origin';
import superjson from 'superjson';
import { createHttpApp } from '../http/create-app';
import type { TestApp } from './test-app';

export interface TrpcHttpAnswer {
  status: number;
  /** The raw response text, to assert what it must never contain. */
  text: string;
  /** The single call's error as the client decodes it (superjson), when it failed. */
  error: { message: string; data: { code: string; httpStatus: number; appCode: string | null } } | null;
}

/**
 * The real HTTP surface (createHttpApp on an ephemeral port), spoken to as a browser or
 * a probe would: raw JSON bodies, so inputs the web client never sends can be sent too.
 */
export interface TrpcHttp {
  base: string;
  /** A session cookie for a demo account, signed in through auth.login over HTTP. */
  signIn(username: string): Promise<string>;
  /** One call with a raw superjson envelope text ({"json":…,"meta":…}). */
  raw(path: string, type: 'query' | 'mutation', envelope: string, cookie?: string): Promise<TrpcHttpAnswer>;
  /** One call whose input is serialised by superjson, as the web client does. */
  call(path: string, type: 'query' | 'mutation', input: unknown, cookie?: string): Promise<TrpcHttpAnswer>;
  close(): Promise<void>;
}

export async function startTrpcHttp(app: TestApp): Promise<TrpcHttp> {
  const server: Server = createHttpApp(app.db, app.config).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const raw = async (path: string, type: 'query' | 'mutation', envelope: string, cookie?: string) => {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    const response =
      type === 'query'
        ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(envelope)}`, { headers })
        : await fetch(`${base}/trpc/${path}`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
            body: envelope,
          });
    const text = await response.text();
    return { status: response.status, text, error: decodeError(text) };
  };

  return {
    base,
    raw,
    call: (path, type, input, cookie) => raw(path, type, JSON.stringify(superjson.serialize(input)), cookie),
    async signIn(username) {
      const response = await fetch(`${base}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
        body: JSON.stringify(superjson.serialize({ username, password: DEMO_PASSWORD })),
      });
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      if (!response.ok || !cookie) throw new Error(`sign-in of ${username} failed: ${response.status}`);
      return cookie;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function decodeError(text: string): TrpcHttpAnswer['error'] {
  try {
    const body = JSON.parse(text) as { error?: Parameters<typeof superjson.deserialize>[0] };
    return body.error ? (superjson.deserialize(body.error) as TrpcHttpAnswer['error']) : null;
  } catch {
    return null;
  }
}
