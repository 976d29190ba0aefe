import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@citygov/db/client';
import { DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@citygov/domain/request-origin';
import type { AppConfig } from '../env';
import { createHttpApp } from '../http/create-app';

/** What the web app sends with every POST (see csrf-guard.ts). */
export const SAME_ORIGIN_HEADERS: Readonly<Record<string, string>> = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

/** The real HTTP app listening on an ephemeral loopback port, for tests that speak raw HTTP. */
export interface LiveServer {
  base: string;
  port: number;
  /** Signs in through the real tRPC endpoint; returns the `citygov_session=…` cookie (cached per user). */
  signIn(username: string): Promise<string>;
  close(): Promise<void>;
}

export async function startLiveServer(db: Database, config: AppConfig): Promise<LiveServer> {
  const server: Server = createHttpApp(db, config).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const cookies = new Map<string, string>();
  return {
    base,
    port,
    async signIn(username) {
      const known = cookies.get(username);
      if (known) return known;
      const res = await fetch(`${base}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...SAME_ORIGIN_HEADERS },
        body: JSON.stringify({ json: { username, password: DEMO_PASSWORD } }),
      });
      const session = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0] ?? '')
        .find((c) => c.startsWith('citygov_session='));
      if (res.status !== 200 || !session) throw new Error(`sign-in of ${username} failed: HTTP ${res.status}`);
      cookies.set(username, session);
      return session;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
