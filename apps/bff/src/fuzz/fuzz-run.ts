import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@citygov/domain/request-origin';
import fc from 'fast-check';
import { createHttpApp } from '../http/create-app';
import { fuzzFixtures } from '../testing/fuzz-fixtures';
import type { TestApp } from '../testing/test-app';
import { ACCOUNT_OF, type FuzzCase } from './fuzz-case';
import { httpCases } from './http-cases';
import { headOf, sendRaw } from './send-raw';
import { trpcCases, trpcTransportCases } from './trpc-cases';
import { judge } from './verdict';

export interface FuzzOptions {
  seed: number;
  inputs: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Cases drawn (and checked for health, pollution and broken accounts) per batch. */
  batchSize?: number;
  onProgress?: (report: FuzzReport) => void;
  /**
   * Which of the seed's batches to run: batch `first`, then every `stride`-th (a worker of
   * `pnpm fuzz --workers N` takes its share; `--first-batch` replays a stretch of a run).
   */
  batches?: { first: number; stride: number };
  /** Set to stop after the current batch (Ctrl-C in the CLI): the report covers what was sent. */
  stop?: { requested: boolean };
}

export interface Finding {
  kind: '5xx' | 'leak' | 'no answer' | 'timeout' | 'crash' | 'pollution' | 'down';
  family: string;
  what: string;
  detail: string;
}

export interface FuzzReport {
  seed: number;
  sent: number;
  /** family → status label → count */
  byFamily: Map<string, Map<string, number>>;
  /** family → milliseconds spent waiting for its answers */
  msByFamily: Map<string, number>;
  /** procedure or route → milliseconds, to see what makes a run slow */
  msByWhat: Map<string, number>;
  serverErrors: number;
  leaks: number;
  crashes: number;
  noAnswers: number;
  timeouts: number;
  /** The first findings of each kind, with what was sent. */
  findings: Finding[];
  elapsedMs: number;
}

const KEPT_PER_KIND = 20;

/**
 * Runs the fuzzer against the real HTTP app on an ephemeral loopback port: `inputs`
 * requests drawn by fast-check from `seed` (tRPC procedures as every role, the tRPC
 * transport, and every HTTP route family), each judged by verdict.ts; between batches
 * the server's health, Object.prototype and the role accounts are checked.
 */
/** A report with nothing counted yet (one run's start, or the sum of several workers'). */
export function emptyFuzzReport(seed: number): FuzzReport {
  return {
    seed,
    sent: 0,
    byFamily: new Map(),
    msByFamily: new Map(),
    msByWhat: new Map(),
    serverErrors: 0,
    leaks: 0,
    crashes: 0,
    noAnswers: 0,
    timeouts: 0,
    findings: [],
    elapsedMs: 0,
  };
}

export async function runFuzz(app: TestApp, options: FuzzOptions): Promise<FuzzReport> {
  const concurrency = options.concurrency ?? 6;
  const batchSize = options.batchSize ?? 200;
  const started = Date.now();
  const report = emptyFuzzReport(options.seed);
  const kept = new Map<string, number>();
  const find = (finding: Finding) => {
    const n = kept.get(finding.kind) ?? 0;
    kept.set(finding.kind, n + 1);
    if (n < KEPT_PER_KIND) report.findings.push({ ...finding, detail: finding.detail.slice(0, 600) });
  };

  // An error that escapes every handler would end a supervisor-free server: each is a crash.
  const onStray = (error: unknown) => {
    report.crashes += 1;
    find({
      kind: 'crash',
      family: '-',
      what: 'escaped every handler',
      detail: String((error as Error)?.stack ?? error),
    });
  };
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);

  const dataDir = await mkdtemp(join(tmpdir(), 'citygov-fuzz-'));
  const webDist = join(dataDir, 'web');
  await mkdir(webDist, { recursive: true });
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>云湖</title><div id="root"></div>');
  const config = { ...app.config, dataDir, webDist };
  const server: Server = createHttpApp(app.db, config, app.caseFeed, app.live).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;

  try {
    const fixtures = await fuzzFixtures(app, config, Object.values(ACCOUNT_OF));
    const attachmentId = await uploadOnePhoto(port, fixtures.cookieOf(ACCOUNT_OF.collector));
    const cases = fc.oneof(
      { weight: 12, arbitrary: trpcCases(fixtures.targets) },
      { weight: 1, arbitrary: trpcTransportCases() },
      {
        weight: 5,
        arbitrary: httpCases({ ...fixtures, attachmentId, point: fixtures.targets.point }),
      },
    );

    let clientSerial = 0;
    const send = async (c: FuzzCase) => {
      const headers: [string, string][] = [
        ['Host', `127.0.0.1:${port}`],
        // A new made-up address per request: the per-address throttles would otherwise answer 429 to everything.
        ['X-Forwarded-For', `10.${(clientSerial >> 16) & 255}.${(clientSerial >> 8) & 255}.${clientSerial++ & 255}`],
        ['Connection', 'close'],
      ];
      if (c.role !== 'anonymous') headers.push(['Cookie', fixtures.cookieOf(ACCOUNT_OF[c.role])]);
      if (c.sameOrigin) headers.push([CSRF_HEADER, CSRF_HEADER_VALUE]);
      if (c.contentLength !== 'omit' && (c.body.length > 0 || c.method === 'POST')) {
        headers.push(['Content-Length', String(c.contentLength ?? c.body.length)]);
      }
      const head = headOf(c.method, c.target, [...headers, ...c.headers]);
      const sentAt = Date.now();
      const outcome = await sendRaw(port, { head, body: c.body, vanish: c.vanish });
      const verdict = judge(outcome, outcome.kind === 'answer' && outcome.status >= 400 ? sentText(c) : '');
      const ms = Date.now() - sentAt;
      report.sent += 1;
      report.msByFamily.set(c.family, (report.msByFamily.get(c.family) ?? 0) + ms);
      const what = c.label ?? c.family;
      report.msByWhat.set(what, (report.msByWhat.get(what) ?? 0) + ms);
      const statuses = report.byFamily.get(c.family) ?? new Map<string, number>();
      statuses.set(verdict.label, (statuses.get(verdict.label) ?? 0) + 1);
      report.byFamily.set(c.family, statuses);
      if (verdict.serverError) {
        report.serverErrors += 1;
        find({ kind: '5xx', family: c.family, what: c.what(), detail: verdict.label });
      }
      if (verdict.leak) {
        report.leaks += 1;
        find({ kind: 'leak', family: c.family, what: c.what(), detail: verdict.leak });
      }
      if (verdict.noAnswer) {
        report.noAnswers += 1;
        find({ kind: 'no answer', family: c.family, what: c.what(), detail: verdict.label });
      }
      if (verdict.timeout) {
        report.timeouts += 1;
        find({ kind: 'timeout', family: c.family, what: c.what(), detail: '' });
      }
    };

    const { first, stride } = options.batches ?? { first: 0, stride: 1 };
    for (let batch = first; report.sent < options.inputs && !options.stop?.requested; batch += stride) {
      const size = Math.min(batchSize, options.inputs - report.sent);
      const drawn = fc.sample(cases, { seed: options.seed + batch * 7919, numRuns: size });
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < drawn.length) {
            const c = drawn[next++];
            if (c) await send(c);
          }
        }),
      );
      await checkBetweenBatches(port, find);
      await fixtures.restore();
      report.elapsedMs = Date.now() - started;
      options.onProgress?.(report);
    }
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    process.off('uncaughtException', onStray);
    process.off('unhandledRejection', onStray);
    await rm(dataDir, { recursive: true, force: true });
  }
  report.elapsedMs = Date.now() - started;
  // A server that stops answering, or a polluted prototype, counts as a crash too.
  report.crashes += (kept.get('down') ?? 0) + (kept.get('pollution') ?? 0);
  return report;
}

/** The request as the server may quote it back: the target percent-decoded (where it decodes), and the body. */
function sentText(c: FuzzCase): string {
  let target = c.target;
  try {
    target = decodeURIComponent(c.target.replace(/\+/g, ' '));
  } catch {
    // Undecodable targets are compared as sent.
  }
  return `${target}\n${c.body.subarray(0, 200_000).toString('utf8')}`;
}

/** The server still answers its probe, and nothing reached Object.prototype. */
async function checkBetweenBatches(port: number, find: (finding: Finding) => void): Promise<void> {
  const probe = await sendRaw(port, {
    head: headOf('GET', '/healthz', [
      ['Host', `127.0.0.1:${port}`],
      ['Connection', 'close'],
    ]),
    body: Buffer.alloc(0),
  });
  if (probe.kind !== 'answer' || probe.status !== 200) {
    find({
      kind: 'down',
      family: '-',
      what: 'GET /healthz after a batch',
      detail: JSON.stringify(probe).slice(0, 300),
    });
  }
  const polluted = Object.keys(Object.prototype).concat(Object.keys(Array.prototype));
  if (polluted.length > 0) {
    find({ kind: 'pollution', family: '-', what: 'Object.prototype after a batch', detail: polluted.join(', ') });
    for (const key of polluted) {
      delete (Object.prototype as Record<string, unknown>)[key];
      delete (Array.prototype as unknown as Record<string, unknown>)[key];
    }
  }
}

/** One real photo, so downloads have something to be refused or served. */
async function uploadOnePhoto(port: number, cookie: string): Promise<number> {
  const form = new FormData();
  form.append('purpose', 'report');
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'fuzz.png');
  const res = await fetch(`http://127.0.0.1:${port}/api/attachments`, {
    method: 'POST',
    body: form,
    headers: { cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE },
  });
  const body = (await res.json()) as { id?: number };
  if (res.status !== 201 || typeof body.id !== 'number') throw new Error(`fuzz setup: upload answered ${res.status}`);
  return body.id;
}

/** The report as printed lines: statuses per family, then totals and the first findings. */
export function formatReport(report: FuzzReport): string {
  const lines: string[] = [];
  const families = [...report.byFamily.keys()].sort();
  for (const family of families) {
    const statuses = [...(report.byFamily.get(family) ?? new Map<string, number>()).entries()].sort(
      (a, b) => b[1] - a[1],
    );
    const total = statuses.reduce((sum, [, n]) => sum + n, 0);
    const avg = (report.msByFamily.get(family) ?? 0) / Math.max(total, 1);
    lines.push(
      `${family.padEnd(26)} ${String(total).padStart(7)} ${avg.toFixed(0).padStart(5)} ms  ${statuses.map(([s, n]) => `${s}: ${n}`).join(', ')}`,
    );
  }
  const slowest = [...report.msByWhat.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  lines.push(`\nslowest: ${slowest.map(([what, ms]) => `${what} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  lines.push('');
  lines.push(
    `inputs ${report.sent}, seed ${report.seed}, ${(report.elapsedMs / 1000).toFixed(1)} s` +
      ` (${Math.round(report.sent / Math.max(report.elapsedMs / 1000, 0.001))}/s)`,
  );
  lines.push(
    `5xx ${report.serverErrors}, crashes ${report.crashes}, leaky bodies ${report.leaks}, ` +
      `no answer ${report.noAnswers}, timeouts ${report.timeouts}`,
  );
  for (const f of report.findings) lines.push(`  [${f.kind}] ${f.family}: ${f.what}\n      → ${f.detail}`);
  return lines.join('\n');
}
