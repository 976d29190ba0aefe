import type { IntegrationSystem, OutboundChannel } from './channel';
import { ProvinceChannel, type ProvinceSettings } from './province/province-channel';

/** Settings of the outside systems that are configured (null: not connected). */
export interface IntegrationSettings {
  province: ProvinceSettings | null;
}

/**
 * The outside systems this process talks to. A new adapter (浙政钉 in `zzd/`, SMS in `sms/`)
 * implements `OutboundChannel` and adds one line here; the outbox, the worker and the admin
 * view pick it up from this map.
 */
export function createChannelRegistry(settings: IntegrationSettings): ReadonlyMap<IntegrationSystem, OutboundChannel> {
  const channels = new Map<IntegrationSystem, OutboundChannel>();
  if (settings.province) channels.set('province', new ProvinceChannel(settings.province));
  return channels;
}
