/**
 * The real HTTP stack on a loopback port, and a minimal tRPC v11 client for it
 * (non-batched, superjson envelope `{ json }`). Any response that is not HTTP 200
 * with a parseable tRPC result throws, so the bench never times errors.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../apps/bff/src/env';
import { createHttpApp } from '../apps/bff/src/http/create-app';
import { SESSION_COOKIE } from '../apps/bff/src/modules/auth/session-store';
import type { Database } from '../packages/db/src/client';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../packages/domain/src/request-origin';

export interface BenchServer {
  baseUrl: string;
  close(): Promise<void>;
}

export interface TrpcResponse {
  /** The procedure's output (the `json` part of the superjson envelope). */
  data: unknown;
  /** Size of the response body in bytes. */
  bytes: number;
  setCookies: string[];
}

export async function startServer(db: Database): Promise<BenchServer> {
  const config = loadConfig({ NODE_ENV: 'production', CITYGOV_DEMO_SEED: '0' });
  const server: Server = createServer(createHttpApp(db, config));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readTrpc(what: string, response: Response): Promise<TrpcResponse> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${what}: HTTP ${response.status}: ${text.slice(0, 300)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${what}: body is not JSON: ${text.slice(0, 300)}`);
  }
  const result = isRecord(body) ? body.result : undefined;
  const data = isRecord(result) ? result.data : undefined;
  if (!isRecord(data) || !('json' in data)) throw new Error(`${what}: not a tRPC result: ${text.slice(0, 300)}`);
  return { data: data.json, bytes: Buffer.byteLength(text), setCookies: response.headers.getSetCookie() };
}

export async function trpcMutation(
  baseUrl: string,
  path: string,
  input: unknown,
  cookie?: string,
): Promise<TrpcResponse> {
  const response = await fetch(`${baseUrl}/trpc/${path}`, {
    method: 'POST',
    // The web app's CSRF header: the server refuses a POST without it.
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ json: input }),
  });
  return readTrpc(`POST ${path}`, response);
}

export async function trpcQuery(baseUrl: string, path: string, input: unknown, cookie: string): Promise<TrpcResponse> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await fetch(`${baseUrl}/trpc/${path}${query}`, { headers: { cookie } });
  return readTrpc(`GET ${path}`, response);
}

/** The `name=value` pair of the session cookie a login set, ready for a Cookie header. */
export function sessionCookie(setCookies: readonly string[]): string {
  const pair = setCookies.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!pair || pair.length <= SESSION_COOKIE.length + 1) throw new Error('login set no session cookie');
  return pair;
}
