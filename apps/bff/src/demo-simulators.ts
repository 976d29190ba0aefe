import { DEMO_ZZD_TENANT_ID } from '@citygov/db/seed/demo-zzd-accounts';
import { startEnforcementSimulator } from './adapters/enforcement/simulator';
import { DEMO_SMS_ACCESS_KEY_ID, DEMO_SMS_ACCESS_KEY_SECRET, startSmsSimulator } from './adapters/sms/simulator';
import { DEMO_ZLB_ACCESS_KEY, DEMO_ZLB_APP_ID, DEMO_ZLB_SECRET_KEY, startZlbSimulator } from './adapters/zlb/simulator';
import { DEMO_ZZD_APP_KEY, DEMO_ZZD_APP_SECRET, startZzdSimulator } from './adapters/zzd/simulator';
import type { AppConfig } from './env';

/**
 * Demo mode (CITYGOV_DEMO_SEED=1, CITYGOV_SIMULATORS=1): a simulator for each of 浙政钉,
 * 浙里办, the SMS gateway and the enforcement system that has no URL configured, on a free local port, and the
 * config pointed at it. The simulators speak the real protocols, signatures included.
 */
export async function withDemoSimulators(
  config: AppConfig,
): Promise<{ config: AppConfig; stop: () => Promise<void>; lines: string[] }> {
  if (!config.simulators) return { config, stop: async () => {}, lines: [] };
  const appUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const stops: (() => Promise<void>)[] = [];
  const lines: string[] = [];
  let next = config;
  if (!config.zzd) {
    const sim = await startZzdSimulator({ appUrl });
    stops.push(sim.close);
    lines.push(`浙政钉 simulator ${sim.url} (H5 workbench ${sim.url}/h5, notifications ${sim.url}/_sim/notifications)`);
    next = {
      ...next,
      zzd: {
        baseUrl: sim.url,
        loginUrl: sim.url,
        appKey: DEMO_ZZD_APP_KEY,
        appSecret: DEMO_ZZD_APP_SECRET,
        tenantId: DEMO_ZZD_TENANT_ID,
        timeoutMs: 5000,
      },
    };
  }
  if (!config.zlb) {
    const sim = await startZlbSimulator();
    stops.push(sim.close);
    lines.push(`浙里办 simulator ${sim.url}`);
    next = {
      ...next,
      zlb: {
        baseUrl: sim.url,
        loginUrl: sim.url,
        appId: DEMO_ZLB_APP_ID,
        accessKey: DEMO_ZLB_ACCESS_KEY,
        secretKey: DEMO_ZLB_SECRET_KEY,
        timeoutMs: 5000,
      },
    };
  }
  if (!config.sms) {
    const sim = await startSmsSimulator({
      port: config.smsSimulatorPort,
      receiptUrl: `http://127.0.0.1:${config.port}/api/sms/receipts`,
      autoReceiptMs: 1500,
    });
    stops.push(sim.close);
    lines.push(`SMS gateway simulator (阿里云 shape) ${sim.url} (messages ${sim.url}/_sim/messages)`);
    next = {
      ...next,
      sms: {
        gateway: 'aliyun',
        baseUrl: sim.url,
        accessKeyId: DEMO_SMS_ACCESS_KEY_ID,
        accessKeySecret: DEMO_SMS_ACCESS_KEY_SECRET,
        signName: '云湖城管',
        ecName: '云湖市城市管理局',
        loginTemplate: 'SMS_480000001',
        callbackSecret: DEMO_SMS_ACCESS_KEY_SECRET,
        timeoutMs: 5000,
      },
    };
  }
  if (!config.enforcement) {
    const sim = await startEnforcementSimulator({
      key: config.enforcementCredentials.key,
      secret: config.enforcementCredentials.secret,
      feedbackUrl: `http://127.0.0.1:${config.port}/api/integrations/enforcement/feedback`,
      autoFeedbackMs: 1500,
    });
    stops.push(sim.close);
    lines.push(
      `执法系统 simulator ${sim.url} (demo subjects: 张某明, 李某华, 云湖市鑫达建材有限公司, 临江区云湖味道餐饮店)`,
    );
    next = { ...next, enforcement: { ...config.enforcementCredentials, url: sim.url } };
  }
  return { config: next, stop: async () => void (await Promise.allSettled(stops.map((s) => s()))), lines };
}
