import { parseArgs } from 'node:util';
import { SENSOR_TYPES } from '@citygov/domain/iot/sensor-types';
import { CameraSimulator, demoCameras } from './adapters/gb28181/simulator/simulated-cameras';
import { SensorSimulator } from './adapters/mqtt/simulated-sensors';
import { loadConfig } from './env';
import { DEMO_SENSORS } from './modules/iot/api';

/**
 * The device simulator (`pnpm simulate`): GB/T 28181 cameras that register with the
 * running BFF, answer its queries and stream a test pattern when played, and the demo
 * city's sensors publishing over MQTT. It reads the same environment as the app
 * (GB28181_*, MQTT_URL) so it finds a default install without options.
 */
const { values } = parseArgs({
  options: {
    cameras: { type: 'string', default: '4' },
    sip: { type: 'string' },
    transport: { type: 'string', default: 'udp' },
    keepalive: { type: 'string', default: '60' },
    sensors: { type: 'boolean', default: true },
    'no-sensors': { type: 'boolean', default: false },
    interval: { type: 'string', default: '10' },
    alarm: { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`pnpm simulate [options]
  --cameras N        simulated cameras (default 4; 0 for none)
  --sip host:port    the BFF's SIP server (default 127.0.0.1:GB28181_PORT)
  --transport udp|tcp
  --keepalive S      keepalive interval in seconds (default 60)
  --no-sensors       do not publish sensor readings
  --interval S       seconds between sensor readings (default 10)
  --alarm CODE       drive this sensor over its threshold (repeatable), e.g. --alarm WL-0001`);
  process.exit(0);
}

async function main() {
  const config = loadConfig();
  const [host, port] = (values.sip ?? `127.0.0.1:${config.gb28181.port}`).split(':');
  const count = Number(values.cameras);
  const stops: (() => Promise<void>)[] = [];
  if (count > 0) {
    const cameras = new CameraSimulator({
      server: { host: host ?? '127.0.0.1', port: Number(port) },
      transport: values.transport.toLowerCase() === 'tcp' ? 'TCP' : 'UDP',
      domain: config.gb28181.domain,
      platformId: config.gb28181.sipId,
      password: config.gb28181.password,
      cameras: demoCameras(count),
      keepaliveSeconds: Number(values.keepalive),
    });
    await cameras.start();
    console.log(
      `[simulate] ${count} camera(s) registering with ${host}:${port} over ${values.transport.toUpperCase()}`,
    );
    stops.push(() => cameras.stop({ unregister: true }));
  }
  if (values.sensors && !values['no-sensors']) {
    const alarms = new Set(values.alarm);
    const sensors = new SensorSimulator({
      mqttUrl: config.iot.mqttUrl,
      topicPrefix: config.iot.topicPrefix,
      intervalMs: Number(values.interval) * 1000,
      sensors: DEMO_SENSORS.map((s) => ({ code: s.code, type: s.type, alarm: alarms.has(s.code) })),
    });
    await sensors.start();
    const names = DEMO_SENSORS.map(
      (s) => `${s.code} (${SENSOR_TYPES[s.type].name}${alarms.has(s.code) ? ', 超阈值' : ''})`,
    );
    console.log(`[simulate] publishing to ${config.iot.mqttUrl}: ${names.join(', ')}`);
    stops.push(() => sensors.stop());
  }
  const stop = () => void Promise.allSettled(stops.map((s) => s())).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error('[simulate] failed:', error);
  process.exit(1);
});
