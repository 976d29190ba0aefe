import type { Database } from '@citygov/db/client';
import type { AppConfig } from '../env';
import type { IntegrationSystem, OutboundChannel } from './channel';
import { EnforcementChannel, type EnforcementSettings } from './enforcement/enforcement-channel';
import { ProvinceChannel, type ProvinceSettings } from './province/province-channel';
import { SmsChannel, type SmsChannelSettings } from './sms/sms-channel';
import type { ZlbConfig } from './zlb/client';
import { ZlbChannel } from './zlb/zlb-channel';
import { ZzdChannel, type ZzdChannelSettings } from './zzd/zzd-channel';

/** Settings of the outside systems that are configured (null: not connected). */
export interface IntegrationSettings {
  province: ProvinceSettings | null;
  zzd?: ZzdChannelSettings | null;
  sms?: SmsChannelSettings | null;
  zlb?: ZlbConfig | null;
  enforcement?: EnforcementSettings | null;
}

/** The settings of every configured system, from the app's configuration. */
export function integrationSettingsOf(
  db: Database,
  config: Pick<AppConfig, 'province' | 'enforcement' | 'zzd' | 'zlb' | 'sms' | 'smsRateLimit' | 'publicUrl'> & {
    port?: number;
  },
): IntegrationSettings {
  return {
    province: config.province,
    zzd: config.zzd
      ? { db, zzd: config.zzd, appUrl: config.publicUrl ?? `http://localhost:${config.port ?? 3000}` }
      : null,
    sms: config.sms ? { db, sms: config.sms, smsRateLimit: config.smsRateLimit } : null,
    zlb: config.zlb,
    enforcement: config.enforcement,
  };
}

/**
 * The outside systems this process talks to. A new adapter implements `OutboundChannel` and
 * adds one line here; the outbox, the worker and the admin view pick it up from this map.
 */
export function createChannelRegistry(settings: IntegrationSettings): ReadonlyMap<IntegrationSystem, OutboundChannel> {
  const channels = new Map<IntegrationSystem, OutboundChannel>();
  if (settings.province) channels.set('province', new ProvinceChannel(settings.province));
  if (settings.zzd) channels.set('zzd', new ZzdChannel(settings.zzd));
  if (settings.sms) channels.set('sms', new SmsChannel(settings.sms));
  if (settings.zlb) channels.set('zlb', new ZlbChannel(settings.zlb));
  if (settings.enforcement) channels.set('enforcement', new EnforcementChannel(settings.enforcement));
  return channels;
}
