import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';

/** A simulator's HTTP server: where it listens and how to stop it. */
export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (0 = any free port) and resolves with the base URL. */
export function listenSimulator(app: express.Express, port: number, host = '127.0.0.1'): Promise<RunningSimulator> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host, () => {
      server.off('error', reject);
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
    // Idle sockets stay open longer than any client keeps them, so a reused connection is never
    // closed under a request in flight (ECONNRESET), as a gateway behind a load balancer behaves.
    server.keepAliveTimeout = 65_000;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
