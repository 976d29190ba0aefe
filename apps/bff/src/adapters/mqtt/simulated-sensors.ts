import type { SensorType } from '@citygov/domain/iot/sensor-types';
import mqtt, { type MqttClient } from 'mqtt';

/**
 * Sensors publishing readings over MQTT as the hub expects them
 * (`<prefix>/<code>/reading`, JSON `{ value, at }`), for the demo and the tests:
 * water levels that stay low unless a flood is asked for, manhole covers that lie
 * flat, bins that fill up and are emptied.
 */
export interface SimulatedSensor {
  code: string;
  type: SensorType;
  /** Drive the reading over the alarm threshold (a flood, a lifted cover, a full bin). */
  alarm?: boolean;
}

export class SensorSimulator {
  private client: MqttClient | null = null;
  private timer: NodeJS.Timeout | null = null;
  private tick = 0;
  published = 0;

  constructor(
    private readonly options: { mqttUrl: string; topicPrefix: string; sensors: SimulatedSensor[]; intervalMs: number },
  ) {}

  async start(): Promise<void> {
    this.client = await mqtt.connectAsync(this.options.mqttUrl, {
      clientId: `citygov-sensors-${process.pid}-${Date.now()}`,
    });
    this.timer = setInterval(() => void this.publishAll(), this.options.intervalMs);
    await this.publishAll();
  }

  valueOf(sensor: SimulatedSensor, tick: number): number {
    const noise = Math.sin(tick * 1.7 + sensor.code.length) * 0.5;
    switch (sensor.type) {
      case 'water_level':
        return Number((sensor.alarm ? Math.min(40, 5 + tick * 6) : 3 + noise).toFixed(1));
      case 'manhole_tilt':
        return Number((sensor.alarm ? 25 + noise : 1 + noise).toFixed(1));
      case 'bin_fill':
        return Number((sensor.alarm ? 95 : (20 + tick * 7) % 85).toFixed(0));
    }
  }

  async publish(code: string, value: number, at = new Date()): Promise<void> {
    await this.client?.publishAsync(`${this.options.topicPrefix}/${code}/reading`, JSON.stringify({ value, at }), {
      qos: 1,
    });
    this.published++;
  }

  private async publishAll(): Promise<void> {
    this.tick++;
    for (const sensor of this.options.sensors) await this.publish(sensor.code, this.valueOf(sensor, this.tick));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.client?.endAsync();
  }
}
