import type { Database, Queryable } from '@citygov/db/client';
import { consumeCaseEvents } from './event-consumers';
import type { StreamEvent } from './read-case-events';

/**
 * A consumer's catch-up to the stream's end, shared within one process: calls during a run
 * join it, and events that arrive during a run are read by one more run after it. Several
 * processes take turns on the cursor's row lock, so each event is applied exactly once.
 */
export function createCatchUp(
  db: Database,
  consumer: string,
  apply: (tx: Queryable, events: readonly StreamEvent[]) => Promise<void>,
): { catchUp: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const run = () => consumeCaseEvents(db, consumer, apply).then(() => undefined);
  const catchUp = (): Promise<void> => {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return catchUp();
      });
    return queued;
  };
  return { catchUp };
}
