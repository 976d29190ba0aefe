import { EventEmitter, on } from 'node:events';
import { type Database, listenOn } from '@citygov/db/client';
import { readCaseEventsAfter, streamHead } from './read-case-events';

/** What an open screen hears about a change: enough to decide whether to refetch. */
export interface CaseChange {
  seq: number;
  caseId: number;
  caseNo: string;
  status: string;
  action: string;
  districtId: number;
}

/** Live changes for open screens (SSE subscriptions), in stream order. */
export interface CaseFeed {
  changes(signal: AbortSignal | undefined): AsyncGenerator<CaseChange>;
  close(): Promise<void>;
}

const CHANNEL = 'case_events';
const BATCH = 500;

/**
 * The live feed of one BFF process, fed by the event stream: every commit that adds case
 * events NOTIFYs `case_events` (a trigger), each process LISTENs, then reads the stream
 * after the last position it passed on. So every process hears every change made through
 * any other, in order; a lost notification or a reconnect only delays, since the next read
 * starts from the position. On PGlite the same path runs in-process.
 */
export function createCaseFeed(db: Database): CaseFeed {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let started: Promise<void> | null = null;
  let stop: (() => Promise<void>) | null = null;
  let position = 0;
  let draining: Promise<void> | null = null;
  let again = false;

  const drain = async () => {
    do {
      again = false;
      for (;;) {
        const events = await readCaseEventsAfter(db, position, BATCH);
        for (const event of events) {
          position = event.seq;
          const change: CaseChange = {
            seq: event.seq,
            caseId: event.caseId,
            caseNo: event.caseNo,
            status: event.toStatus,
            action: event.action,
            districtId: event.districtId,
          };
          emitter.emit('change', change);
        }
        if (events.length < BATCH) break;
      }
    } while (again);
  };
  const wake = () => {
    if (draining) {
      again = true;
      return;
    }
    draining = drain()
      .catch((error: unknown) => console.error('[case-feed] reading the event stream failed:', error))
      .finally(() => {
        draining = null;
      });
  };
  const start = () => {
    started ??= (async () => {
      position = await streamHead(db);
      stop = await listenOn(db, CHANNEL, wake, wake);
    })();
    return started;
  };

  return {
    async *changes(signal) {
      await start();
      for await (const [change] of on(emitter, 'change', signal ? { signal } : {})) {
        yield change as CaseChange;
      }
    },
    async close() {
      await started?.catch(() => undefined);
      await stop?.();
      await draining;
    },
  };
}
