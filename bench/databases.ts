/**
 * Fresh, empty databases of each kind for one benchmark pass: an in-memory PGlite,
 * or a new PostgreSQL database cloned from template0 and dropped afterwards.
 */
import { connect } from 'node:net';
import { type OpenDatabase, openDatabase } from '../packages/db/src/client';
import {
  adminDatabaseUrl,
  createDatabaseFromTemplate,
  databaseUrlFor,
  dropDatabase,
  withAdminConnection,
} from '../packages/db/src/testing/test-database';

export interface BenchDatabase {
  open: OpenDatabase;
  /** What to print about where the data lives. */
  location: string;
  /** Closes the connection and removes the database. */
  dispose(): Promise<void>;
}

export type PostgresCheck = { ok: true; version: string } | { ok: false; reason: string };

const PROBE_TIMEOUT_MS = 3_000;
const QUERY_TIMEOUT_MS = 10_000;

export async function openFreshPglite(): Promise<BenchDatabase> {
  const open = await openDatabase({ dataDir: 'memory://' });
  return { open, location: 'memory://', dispose: () => open.close() };
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function probeTcp(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: host.replace(/^\[|\]$/g, ''), port });
    socket.setTimeout(PROBE_TIMEOUT_MS);
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`no answer from ${host}:${port} within ${PROBE_TIMEOUT_MS} ms`));
    });
    socket.once('error', (error) => reject(error));
  });
}

/** Whether the PostgreSQL pass can run: a loopback server that answers a query. */
export async function checkPostgres(): Promise<PostgresCheck> {
  let url: URL;
  try {
    url = new URL(adminDatabaseUrl());
  } catch {
    return { ok: false, reason: 'TEST_DATABASE_URL is not a valid URL' };
  }
  if (!isLoopback(url.hostname)) {
    return { ok: false, reason: `${url.hostname} is not a loopback address (the bench only talks to this machine)` };
  }
  try {
    await probeTcp(url.hostname, Number(url.port || 5432));
    const rows = await withTimeout(
      withAdminConnection((sql) => sql<{ version: string }[]>`select current_setting('server_version') as version`),
      QUERY_TIMEOUT_MS,
      'select server_version',
    );
    return { ok: true, version: rows[0]?.version ?? 'unknown' };
  } catch (error) {
    return { ok: false, reason: `${url.hostname}:${url.port || 5432}: ${(error as Error).message}` };
  }
}

export async function openFreshPostgres(): Promise<BenchDatabase> {
  const name = await createDatabaseFromTemplate('template0', 'citygov_bench');
  try {
    const open = await openDatabase({ databaseUrl: databaseUrlFor(name) });
    return {
      open,
      location: open.location,
      dispose: async () => {
        await open.close();
        await dropDatabase(name);
      },
    };
  } catch (error) {
    await dropDatabase(name);
    throw error;
  }
}
