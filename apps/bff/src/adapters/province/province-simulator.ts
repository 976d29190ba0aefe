import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  PROVINCE_CONTRACT_VERSION,
  PROVINCE_HEADERS,
  PROVINCE_PATHS,
  type ProvinceCaseEvent,
  type ProvinceFeedback,
  provinceHeaders,
  verifyProvinceRequest,
} from './contract';

/** How the simulated platform behaves: answer, refuse connections, hold requests unanswered, or fail with 500. */
export type ProvinceMode = 'up' | 'refuse' | 'timeout' | 'error500';

export interface ProvinceFigures {
  /** Requests that reached the platform (any mode but refuse). */
  requests: number;
  /** Connections dropped unread while refusing. */
  refusedConnections: number;
  accepted: number;
  /** Repeats of an Idempotency-Key already taken: answered with the first record, not stored again. */
  duplicates: number;
  badSignatures: number;
  failed500: number;
  heldUnanswered: number;
}

/**
 * A province platform speaking the v1 contract over HTTP, for tests and the demo. It checks
 * every signature and refuses bad ones (401), keeps each Idempotency-Key once, records the
 * case events it took per case in arrival order, and can be switched to refuse connections,
 * time out or answer 500.
 */
export class ProvinceSimulator {
  mode: ProvinceMode = 'up';
  readonly figures: ProvinceFigures = {
    requests: 0,
    refusedConnections: 0,
    accepted: 0,
    duplicates: 0,
    badSignatures: 0,
    failed500: 0,
    heldUnanswered: 0,
  };
  /** Idempotency key → record id. */
  readonly records = new Map<string, string>();
  /** Case number → the event seqs taken, in arrival order. */
  readonly caseEvents = new Map<string, number[]>();
  readonly statistics: unknown[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly held = new Set<ServerResponse>();
  private port = 0;

  constructor(private readonly credentials: { key: string; secret: string }) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.port = port;
    await this.listen(host);
    return this.url;
  }

  /**
   * Switches behaviour. `refuse` drops every connection at once, before a byte is read (the port
   * stays ours, so a parallel test cannot take it while the platform is "down").
   */
  async setMode(mode: ProvinceMode): Promise<void> {
    this.mode = mode;
    if (mode !== 'timeout') this.releaseHeld();
    if (mode === 'refuse') for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    await this.close();
  }

  /** Pushes a signed feedback to our webhook, as the platform does when it supervises or returns a case. */
  async sendFeedback(webhookUrl: string, feedback: Omit<ProvinceFeedback, 'contractVersion'>): Promise<Response> {
    const body = JSON.stringify({ contractVersion: PROVINCE_CONTRACT_VERSION, ...feedback });
    const url = new URL(webhookUrl);
    return fetch(url, {
      method: 'POST',
      headers: provinceHeaders(this.credentials, 'POST', url.pathname, feedback.feedbackId, body),
      body,
    });
  }

  private async listen(host: string): Promise<void> {
    const server = createServer((request, response) => {
      void this.handle(request, response);
    });
    server.on('connection', (socket) => {
      if (this.mode === 'refuse') {
        this.figures.refusedConnections++;
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((ready, fail) => {
      server.once('error', fail);
      server.listen(this.port, host, () => {
        const address = server.address();
        if (typeof address === 'object' && address) this.port = address.port;
        ready();
      });
    });
    this.server = server;
  }

  private async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => server.close(() => done()));
  }

  private releaseHeld(): void {
    for (const response of this.held) response.destroy();
    this.held.clear();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    this.figures.requests++;
    const answer = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(value));
    };
    if (this.mode === 'timeout') {
      this.figures.heldUnanswered++;
      this.held.add(response);
      response.on('close', () => this.held.delete(response));
      return;
    }
    if (this.mode === 'error500') {
      this.figures.failed500++;
      answer(500, { error: '平台内部错误' });
      return;
    }
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const refused = verifyProvinceRequest(this.credentials, {
      method: request.method ?? 'GET',
      path,
      headers: request.headers,
      body,
    });
    if (refused) {
      this.figures.badSignatures++;
      answer(401, { error: refused });
      return;
    }
    if (request.method === 'GET' && path === PROVINCE_PATHS.health) {
      answer(200, { ok: true, contractVersion: PROVINCE_CONTRACT_VERSION });
      return;
    }
    if (request.method !== 'POST' || (path !== PROVINCE_PATHS.caseEvents && path !== PROVINCE_PATHS.dailyStatistics)) {
      answer(404, { error: '无此接口' });
      return;
    }
    const key = request.headers[PROVINCE_HEADERS.idempotencyKey];
    if (typeof key !== 'string' || key.length === 0) {
      answer(400, { error: '缺少 Idempotency-Key' });
      return;
    }
    const known = this.records.get(key);
    if (known) {
      this.figures.duplicates++;
      answer(200, { recordId: known, duplicate: true });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      answer(400, { error: '报文不是 JSON' });
      return;
    }
    if ((parsed as { contractVersion?: unknown }).contractVersion !== PROVINCE_CONTRACT_VERSION) {
      answer(400, { error: '不支持的接口版本' });
      return;
    }
    const recordId = `SJ-${randomUUID()}`;
    this.records.set(key, recordId);
    this.figures.accepted++;
    if (path === PROVINCE_PATHS.caseEvents) {
      const event = parsed as ProvinceCaseEvent;
      const seen = this.caseEvents.get(event.caseNo) ?? [];
      seen.push(event.event.seq);
      this.caseEvents.set(event.caseNo, seen);
    } else {
      this.statistics.push(parsed);
    }
    answer(200, { recordId, duplicate: false });
  }
}
