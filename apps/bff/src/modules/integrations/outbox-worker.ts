import { type Database, type DatabaseKind, listenOn } from '@citygov/db/client';
import PgBoss from 'pg-boss';
import type { IntegrationSystem, OutboundChannel } from '../../adapters/channel';
import { deriveOutbox, type LaneRef } from './outbox-consumer';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy, deliverLane, lanesToWake } from './outbox-delivery';

/** The pg-boss queue of lane wake-ups: one job means "deliver what is due in this lane". */
export const LANE_QUEUE = 'outbox-lane';

/**
 * Timed jobs of other modules on the same queue (e.g. 呼叫超时): every sweep asks which jobs
 * should exist and queues them to run at their moment, one queued job per key (pg-boss
 * policy `short`), so any number of processes may sweep; the job itself must be idempotent
 * (it runs in whichever process fetches it, perhaps twice after a crash).
 */
export interface TimedJobs {
  /** The pg-boss queue of these jobs. */
  queue: string;
  /** The jobs due now or later, keyed: a job already queued under its key is not queued again. */
  pending(db: Database): Promise<{ key: string; runAt: Date; data: Record<string, unknown> }[]>;
  run(db: Database, data: Record<string, unknown>): Promise<void>;
}

export interface OutboxWorkerOptions {
  /** The database this worker runs on; PostgreSQL also needs its URL (pg-boss opens its own small pool). */
  db: Database;
  kind: DatabaseKind;
  databaseUrl?: string | undefined;
  channels: ReadonlyMap<IntegrationSystem, OutboundChannel>;
  policy?: DeliveryPolicy;
  /** How often the stream is caught up and due lanes are woken (also after a missed notification). */
  sweepMs?: number;
  /** Lane jobs taken per fetch and worked at once. */
  concurrency?: number;
  /** Seconds a job may stay active before pg-boss counts it failed (a killed worker's jobs). */
  jobExpireSeconds?: number;
  maintenanceSeconds?: number;
  /** Timed jobs of other modules, run by this worker too. */
  timers?: readonly TimedJobs[];
  log?: (line: string) => void;
}

type PgBossOptions = ConstructorParameters<typeof PgBoss>[0] & object;

/** pg-boss on the embedded PGlite: its SQL goes through the same PGlite instance. */
function pgliteExecutor(db: Database) {
  const client = (
    db as unknown as {
      $client: {
        exec(text: string): Promise<{ rows: unknown[] }[]>;
        query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
      };
    }
  ).$client;
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return client.query(text, values);
    },
  };
}

/**
 * The durable delivery worker: derives outbox rows from the case event stream and delivers
 * them through the adapters, driven by a pg-boss queue in the same database (schema
 * `pgboss`, made by pg-boss at start). Every BFF process may run one; lanes are claimed
 * row by row (outbox-delivery.ts), so several workers never send one message at once.
 * Failed lanes are retried by pg-boss with exponential backoff; a periodic sweep wakes any
 * lane that is due and has no job (a job lost with a killed process, a retry come early).
 */
export class OutboxWorker {
  private readonly policy: DeliveryPolicy;
  private sweepTimer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private stopped = false;
  /** When each channel's timed job (e.g. SMS reconciliation) last ran. */
  private readonly periodicRanAt = new Map<string, number>();

  private constructor(
    private readonly options: OutboxWorkerOptions,
    private readonly boss: PgBoss,
  ) {
    this.policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  }

  static async start(options: OutboxWorkerOptions): Promise<OutboxWorker> {
    const common: PgBossOptions = {
      schema: 'pgboss',
      maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
      superviseIntervalSeconds: options.maintenanceSeconds ?? 30,
    } as PgBossOptions;
    const boss =
      options.kind === 'pglite'
        ? new PgBoss({ ...common, db: pgliteExecutor(options.db) } as PgBossOptions)
        : new PgBoss({ ...common, connectionString: options.databaseUrl, max: 3 } as PgBossOptions);
    const log = options.log ?? ((line) => console.error(line));
    boss.on('error', (error) => log(`[citygov] outbox queue: ${error.message}`));
    await boss.start();
    const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
    await boss.createQueue(LANE_QUEUE, {
      name: LANE_QUEUE,
      policy: 'short',
      retryLimit: policy.maxAttempts + 2,
      retryDelay: Math.max(1, Math.round(policy.baseDelayMs / 1000)),
      retryBackoff: true,
      expireInSeconds: options.jobExpireSeconds ?? Math.max(30, Math.ceil((policy.leaseMs * 2) / 1000)),
    } as PgBoss.Queue);
    for (const timer of options.timers ?? []) {
      await boss.createQueue(timer.queue, {
        name: timer.queue,
        policy: 'short',
        retryLimit: 5,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: 60,
      } as PgBoss.Queue);
    }
    const worker = new OutboxWorker(options, boss);
    await worker.work();
    await worker.workTimers();
    const stops = await Promise.all(
      ['case_events', 'outbox'].map((channel) => listenOn(options.db, channel, () => worker.nudge()).catch(() => null)),
    );
    worker.stopListening = async () => {
      await Promise.all(stops.map((stop) => stop?.()));
    };
    worker.sweepTimer = setInterval(() => worker.nudge(), options.sweepMs ?? 10_000);
    worker.nudge();
    return worker;
  }

  /** Wakes the given lanes now (a queued wake-up for a lane absorbs the rest). */
  async wake(lanes: readonly LaneRef[] | readonly { system: string; lane: string }[]): Promise<void> {
    for (let i = 0; i < lanes.length; i += 500) {
      await this.boss.insert(
        lanes.slice(i, i + 500).map((l) => ({
          name: LANE_QUEUE,
          data: { system: l.system, lane: l.lane },
          singletonKey: `${l.system}|${l.lane}`,
        })),
      );
    }
  }

  /** Catches the outbox up with the stream and wakes every due lane; one run at a time. */
  nudge(): void {
    if (this.stopped || this.sweeping) return;
    this.sweeping = this.sweep()
      .catch((error) => (this.options.log ?? console.error)(`[citygov] outbox sweep: ${String(error)}`))
      .finally(() => {
        this.sweeping = null;
      });
  }

  async sweep(): Promise<void> {
    const derived = await deriveOutbox(this.options.db, this.options.channels);
    if (derived.lanes.length > 0) await this.wake(derived.lanes);
    const due = await lanesToWake(this.options.db);
    if (due.length > 0) await this.wake(due);
    await this.scheduleTimers();
    await this.runPeriodic();
  }

  /** Queues the timed jobs that should exist (one per key: a queued one absorbs the rest). */
  async scheduleTimers(): Promise<void> {
    for (const timer of this.options.timers ?? []) {
      const jobs = await timer.pending(this.options.db);
      if (jobs.length === 0) continue;
      await this.boss.insert(
        jobs.map((job) => ({ name: timer.queue, data: job.data, singletonKey: job.key, startAfter: job.runAt })),
      );
    }
  }

  /** The channels' timed jobs (reconcileUnknownSms…), each at most once per its interval, from the sweep. */
  async runPeriodic(now = Date.now()): Promise<void> {
    for (const channel of this.options.channels.values()) {
      const job = channel.periodic;
      if (!job) continue;
      const last = this.periodicRanAt.get(job.name);
      if (last !== undefined && now - last < job.everyMs) continue;
      this.periodicRanAt.set(job.name, now);
      await job
        .run()
        .catch((error: unknown) => (this.options.log ?? console.error)(`[citygov] ${job.name}: ${String(error)}`));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.stopListening?.().catch(() => {});
    await this.sweeping;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 } as PgBoss.StopOptions);
  }

  /** Drops the worker without a word to the queue (a crash, for tests on PGlite): jobs and claims stay as they are. */
  async abandon(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.stopListening?.().catch(() => {});
    await this.boss.stop({ graceful: false, wait: false } as PgBoss.StopOptions).catch(() => {});
  }

  private async workTimers(): Promise<void> {
    for (const timer of this.options.timers ?? []) {
      await this.boss.work<Record<string, unknown>>(
        timer.queue,
        { batchSize: 10, pollingIntervalSeconds: 0.5 } as PgBoss.WorkOptions,
        async (jobs) => {
          // A throw fails the batch's jobs and pg-boss retries them; the jobs are idempotent.
          for (const job of jobs) await timer.run(this.options.db, job.data);
        },
      );
    }
  }

  private async work(): Promise<void> {
    await this.boss.work<{ system: string; lane: string }>(
      LANE_QUEUE,
      {
        // PGlite runs on this process's one thread: fewer lanes at once keep its HTTP answers timely.
        batchSize: this.options.concurrency ?? (this.options.kind === 'pglite' ? 20 : 100),
        pollingIntervalSeconds: 0.5,
      } as PgBoss.WorkOptions,
      async (jobs) => {
        await Promise.all(
          jobs.map(async (job) => {
            const channel = this.options.channels.get(job.data.system as IntegrationSystem);
            if (!channel) return;
            const outcome = await deliverLane(this.options.db, channel, job.data.lane, this.policy).catch(
              (error: unknown) => ({ state: 'failed' as const, sent: 0, error: String(error) }),
            );
            // Only this job fails (and is retried with backoff); the rest of the batch completes.
            if (outcome.state === 'failed') await this.boss.fail(LANE_QUEUE, job.id, { message: outcome.error });
          }),
        );
      },
    );
  }
}
