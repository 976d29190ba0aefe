import type { Queryable } from '@citygov/db/client';

/**
 * The one interface every outside system sits behind (浙政钉, 浙里办, 短信, 省平台, 执法系统).
 * The outbox (modules/integrations) derives messages from the case event stream through
 * `draftsFor`, stores them, and a durable worker hands each to `deliver` in lane order.
 * An adapter knows its protocol and nothing of our database; register it in `registry.ts`.
 */

/** The outside systems the admin view lists, in its order. */
export const INTEGRATION_SYSTEMS = ['zzd', 'zlb', 'sms', 'province', 'enforcement'] as const;
export type IntegrationSystem = (typeof INTEGRATION_SYSTEMS)[number];

export const INTEGRATION_LABELS: Record<IntegrationSystem, string> = {
  zzd: '浙政钉',
  zlb: '浙里办',
  sms: '短信',
  province: '省平台',
  enforcement: '执法系统',
};

/** What an adapter sees of a case change: the stream event and the case as it is when the event is taken. */
export interface CaseChangeForChannel {
  event: {
    seq: number;
    eventId: number;
    action: string;
    label: string;
    actorKind: 'person' | 'system';
    actorName: string | null;
    fromStatus: string | null;
    toStatus: string;
    at: Date;
    reason: string | null;
    detail: Record<string, unknown> | null;
  };
  case: {
    id: number;
    caseNo: string;
    source: string;
    kind: string;
    categoryCode: string;
    urgency: string;
    description: string;
    address: string;
    lng: number;
    lat: number;
    gridCode: string;
    streetCode: string;
    districtCode: string;
    status: string;
    reportedAt: Date;
    closedAt: Date | null;
    deadlineAt: Date | null;
    attachments: { id: number; purpose: string; mime: string; sha256: string }[];
  };
}

/** A message an adapter wants sent; the outbox adds the idempotency key and the order. */
export interface OutboundDraft {
  /** e.g. `case.event`, `stats.daily`, `notice.task`. */
  kind: string;
  /** Messages of one lane are delivered one after another in the order they were made, e.g. `case:42`. */
  lane: string;
  /** Unique per system and kind; with the system it forms the idempotency key (a second draft is dropped). */
  key: string;
  payload: Record<string, unknown>;
}

/** A stored message handed to `deliver`. */
export interface OutboundMessage {
  id: number;
  system: string;
  kind: string;
  lane: string;
  caseId: number | null;
  /** Sent to the remote side (Idempotency-Key header or its equivalent); stable across retries. */
  idempotencyKey: string;
  payload: Record<string, unknown>;
  /** 1 for the first try. */
  attempt: number;
}

export interface DeliveryReceipt {
  /** The remote system's id for what it took (its record number, BizId…). */
  remoteId: string;
}

/**
 * A delivery that did not succeed. `unknown`: the request may have reached the other side
 * (a timeout, a dropped connection) — a non-idempotent system's message is then never sent
 * again automatically. `permanent`: retrying cannot help (the other side refused the content).
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly outcome: 'refused' | 'unknown',
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface HealthReport {
  ok: boolean;
  /** Short Chinese text for the admin view, e.g. "正常（38 ms）" or "无法连接". */
  detail: string;
}

export interface OutboundChannel {
  system: IntegrationSystem;
  /**
   * Whether the remote side drops a repeated Idempotency-Key. Only then may a message whose
   * outcome is unknown be sent again; otherwise it goes to the dead letters for a person to decide.
   */
  idempotent: boolean;
  /**
   * The messages a case change gives rise to for this system (none for most changes of most systems).
   * `tx` is the outbox's transaction, for reading who is concerned (the receivers of a task).
   */
  draftsFor(change: CaseChangeForChannel, tx: Queryable): OutboundDraft[] | Promise<OutboundDraft[]>;
  deliver(message: OutboundMessage): Promise<DeliveryReceipt>;
  health(): Promise<HealthReport>;
  /** A timed job the outbox worker runs from its sweep, at most once per `everyMs` (e.g. SMS reconciliation). */
  periodic?: { name: string; everyMs: number; run(): Promise<void> };
}
