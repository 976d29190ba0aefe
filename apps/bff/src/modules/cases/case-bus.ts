import { EventEmitter, on } from 'node:events';

/**
 * Tells open screens that a case changed, after the change committed. One BFF process
 * holds every subscriber (SSE), so an in-process emitter is enough; several processes
 * behind a load balancer would relay this through PostgreSQL LISTEN/NOTIFY.
 */
export interface CaseChange {
  caseId: number;
  caseNo: string;
  status: string;
  version: number;
  action: string;
  districtId: number;
}

const emitter = new EventEmitter();
emitter.setMaxListeners(0);

export function publishCaseChange(change: CaseChange): void {
  emitter.emit('change', change);
}

export async function* caseChanges(signal: AbortSignal | undefined): AsyncGenerator<CaseChange> {
  for await (const [change] of on(emitter, 'change', signal ? { signal } : {})) {
    yield change as CaseChange;
  }
}
