import type { Database } from '@citygov/db/client';
import mqtt, { type MqttClient } from 'mqtt';
import { z } from 'zod';
import type { AppConfig } from '../../env';
import { ingestReading, markSilentDevicesOffline } from './ingest-reading';

/** A reading as sensors publish it on `<prefix>/<device code>/reading`. */
const ZReading = z.object({
  value: z.number().finite(),
  at: z.coerce.date().optional(),
});

/**
 * The IoT hub's ingestion (智联网): one MQTT subscription per BFF process, readings
 * handled one at a time in arrival order (so a device's state moves in order), and a
 * timer that marks silent devices offline. The broker may be down when we start or go
 * away later: the client reconnects by itself and the app is never held up.
 */
export class IotHub {
  private queue: Promise<void> = Promise.resolve();
  private offlineTimer: NodeJS.Timeout | null = null;
  readonly stats = { received: 0, rejected: 0, unknown: 0, alarms: 0 };
  private connectedOnce = false;

  private constructor(
    private readonly db: Database,
    private readonly client: MqttClient,
    private readonly topicPrefix: string,
  ) {}

  static start(db: Database, config: Pick<AppConfig, 'iot'>): IotHub {
    const { mqttUrl, topicPrefix, checkMs } = config.iot;
    const client = mqtt.connect(mqttUrl, {
      reconnectPeriod: 5_000,
      connectTimeout: 5_000,
      clientId: `citygov-bff-${process.pid}-${Date.now()}`,
    });
    const hub = new IotHub(db, client, topicPrefix);
    client.on('connect', () => {
      if (!hub.connectedOnce) console.log(`[iot] MQTT connected to ${mqttUrl}, topic ${topicPrefix}/+/reading`);
      hub.connectedOnce = true;
      client.subscribe(`${topicPrefix}/+/reading`, { qos: 1 });
    });
    let warned = false;
    client.on('error', (error) => {
      if (!warned) console.error(`[iot] MQTT ${mqttUrl}: ${error.message} (retrying)`);
      warned = true;
    });
    client.on('message', (topic, payload) => hub.enqueue(topic, payload));
    hub.offlineTimer = setInterval(() => {
      hub.queue = hub.queue.then(async () => {
        const codes = await markSilentDevicesOffline(db).catch(() => []);
        if (codes.length > 0) console.log(`[iot] offline: ${codes.join(', ')}`);
      });
    }, checkMs);
    hub.offlineTimer.unref();
    return hub;
  }

  get connected(): boolean {
    return this.client.connected;
  }

  private enqueue(topic: string, payload: Buffer): void {
    const code = topic.slice(this.topicPrefix.length + 1).split('/')[0] ?? '';
    this.stats.received++;
    this.queue = this.queue.then(async () => {
      let parsed: z.infer<typeof ZReading>;
      try {
        parsed = ZReading.parse(JSON.parse(payload.toString('utf8')));
      } catch {
        this.stats.rejected++;
        return;
      }
      try {
        const result = await ingestReading(this.db, code, parsed.value, parsed.at ?? new Date());
        if (!result.known) this.stats.unknown++;
        if (result.raised) this.stats.alarms++;
      } catch (error) {
        console.error(`[iot] reading of ${code}:`, error);
      }
    });
  }

  /** Resolves when every reading received so far has been handled (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  async stop(): Promise<void> {
    if (this.offlineTimer) clearInterval(this.offlineTimer);
    await this.client.endAsync(true).catch(() => {});
    await this.queue;
  }
}
