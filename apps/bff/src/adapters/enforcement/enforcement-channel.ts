import {
  DeliveryError,
  type DeliveryReceipt,
  type HealthReport,
  type OutboundChannel,
  type OutboundDraft,
  type OutboundMessage,
} from '../channel';
import { callSigned, probeSigned } from '../signed-json-http';
import {
  ENFORCEMENT_HEADERS,
  ENFORCEMENT_PATHS,
  type EnforcementSubject,
  ZLookupAnswer,
  ZPushAnswer,
} from './contract';

export interface EnforcementSettings {
  /** Base URL of the enforcement system, e.g. https://zfba.zj.gov.cn/api */
  url: string;
  key: string;
  secret: string;
  /** Per request; past it the outcome of a push is unknown (the system dedupes, so it is sent again). */
  timeoutMs: number;
}

/** Timeline entries of the system's own making (its feedback) carry this actor name. */
export const ENFORCEMENT_ACTOR_NAME = '执法系统';

/** The outbox message kind of a pushed 案源. */
export const CASE_SOURCE_KIND = 'case.source';

/**
 * The enforcement system: subject lookups are asked directly (a person waits for them);
 * 案源 pushes are written to the outbox by the action that pushes (not derived from the
 * event stream, so `draftsFor` gives nothing) and delivered idempotently by key.
 */
export class EnforcementChannel implements OutboundChannel {
  readonly system = 'enforcement' as const;
  readonly idempotent: boolean = true;

  constructor(private readonly settings: EnforcementSettings) {}

  draftsFor(): OutboundDraft[] {
    return [];
  }

  async deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    const answer = await this.call(
      'POST',
      ENFORCEMENT_PATHS.caseSources,
      message.idempotencyKey,
      JSON.stringify(message.payload),
    );
    const parsed = ZPushAnswer.safeParse(await answer.json().catch(() => null));
    if (!parsed.success) throw new DeliveryError('执法系统应答缺少案源编号', 'unknown');
    return { remoteId: parsed.data.caseSourceId };
  }

  /** 执法对象查询: by name, ID number or 统一社会信用代码. Throws DeliveryError when the system cannot answer. */
  async lookup(kind: 'person' | 'organisation' | null, q: string): Promise<EnforcementSubject[]> {
    const query = new URLSearchParams({ q });
    if (kind) query.set('kind', kind);
    const answer = await this.call('GET', `${ENFORCEMENT_PATHS.subjects}?${query.toString()}`, '', '');
    const parsed = ZLookupAnswer.safeParse(await answer.json().catch(() => null));
    if (!parsed.success) throw new DeliveryError('执法系统应答格式不正确', 'refused');
    return parsed.data.subjects;
  }

  health(): Promise<HealthReport> {
    return probeSigned(this.peer(), ENFORCEMENT_PATHS.health, this.settings.timeoutMs);
  }

  private peer() {
    const { url, key, secret } = this.settings;
    return { name: '执法系统', url, names: ENFORCEMENT_HEADERS, credentials: { key, secret } };
  }

  private call(
    method: string,
    pathAndQuery: string,
    idempotencyKey: string,
    body: string,
    timeoutMs = this.settings.timeoutMs,
  ): Promise<Response> {
    return callSigned(this.peer(), { method, pathAndQuery, idempotencyKey, body, timeoutMs });
  }
}
