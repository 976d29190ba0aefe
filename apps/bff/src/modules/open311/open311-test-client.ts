import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { expect } from 'vitest';

/**
 * Talks HTTP to a real express app, as an Open311 client or the citizen page would.
 * Every call comes "from" its own address unless told otherwise (trust proxy: loopback),
 * so per-address limits of one test do not spill into another.
 */
export interface Answer {
  status: number;
  type: string;
  text: string;
  headers: Headers;
}

export type CallInit = RequestInit & { ip?: string };

let nextIp = 1;
export const freshIp = () => `198.51.100.${nextIp++}`;

export class HttpClient {
  private readonly servers: Server[] = [];
  base = '';

  async listen(app: express.Express): Promise<string> {
    const server = app.listen(0, '127.0.0.1');
    // Outlive the client's idle sockets, so a reused connection is never closed under a request.
    server.keepAliveTimeout = 60_000;
    this.servers.push(server);
    await new Promise<void>((resolve) => server.once('listening', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async start(app: express.Express): Promise<void> {
    this.base = await this.listen(app);
  }

  async call(path: string, init: CallInit = {}, base = this.base): Promise<Answer> {
    const { ip = freshIp(), headers, ...rest } = init;
    const res = await fetch(`${base}${path}`, {
      ...rest,
      headers: { 'x-forwarded-for': ip, ...(headers as Record<string, string> | undefined) },
    });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      text: await res.text(),
      headers: res.headers,
    };
  }

  async close(): Promise<void> {
    for (const server of this.servers) server.closeAllConnections();
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

export function json<T>(answer: Answer): T {
  expect(answer.type).toMatch(/^application\/json; charset=utf-8/);
  return JSON.parse(answer.text) as T;
}

export function form(fields: Record<string, string>, ip?: string): CallInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(fields).toString(),
    ...(ip ? { ip } : {}),
  };
}
