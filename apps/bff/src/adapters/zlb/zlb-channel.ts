import { DeliveryError, type HealthReport, type OutboundChannel, type OutboundDraft } from '../channel';
import { probeZlbGateway, type ZlbConfig } from './client';

/**
 * 浙里办 is inbound only (citizen sign-in through the IRS gateway): nothing is sent, and the
 * channel is registered so the admin view shows the gateway's health.
 */
export class ZlbChannel implements OutboundChannel {
  readonly system = 'zlb' as const;
  readonly idempotent = true;

  constructor(private readonly config: ZlbConfig) {}

  draftsFor(): OutboundDraft[] {
    return [];
  }

  async deliver(): Promise<never> {
    throw new DeliveryError('浙里办不接收外发消息', 'refused', true);
  }

  health(): Promise<HealthReport> {
    return probeZlbGateway(this.config);
  }
}
