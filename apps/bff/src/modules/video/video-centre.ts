import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@citygov/db/client';
import { Gb28181Platform } from '../../adapters/gb28181/gb28181-platform';
import type { AppConfig } from '../../env';
import { BuiltinMediaBackend } from './media/builtin-backend';
import type { MediaBackend } from './media/media-backend';
import { ZlmMediaBackend } from './media/zlm-backend';
import { StreamSessions } from './stream-sessions';
import { receiveDeviceAlarm } from './video-ai';
import {
  devicePassword,
  deviceTransport,
  flushKeepalives,
  saveCatalog,
  saveDeviceInfo,
  saveOnline,
  saveRegistration,
} from './video-devices';

/** How often gathered keepalive times are written (a keepalive is not a write of its own). */
const KEEPALIVE_FLUSH_MS = 30_000;

/**
 * The video centre of one BFF process: the GB/T 28181 platform (SIP server), the media
 * backend and the stream sessions, wired to the database. Started with the app; when
 * the SIP port is taken it logs that and the app runs on without it (a second process
 * on the same machine sets GB28181_ENABLED=0 or another port).
 */
export class VideoCentre {
  private readonly keepalives = new Map<string, Date>();
  private flusher: NodeJS.Timeout | null = null;
  readonly streams: StreamSessions;

  private constructor(
    private readonly db: Database,
    readonly platform: Gb28181Platform,
    readonly backend: MediaBackend,
    config: AppConfig,
  ) {
    this.streams = new StreamSessions(platform, backend, {
      transportOf: (deviceId) => deviceTransport(db, deviceId, config.media.transport),
      domain: config.gb28181.domain,
      noReaderMs: config.media.noReaderMs,
      stalledMs: config.media.stalledMs,
    });
  }

  static async start(db: Database, config: AppConfig): Promise<VideoCentre | null> {
    const settings = config.gb28181;
    let centre: VideoCentre | null = null;
    const log = (what: string) => (error: unknown) => console.error(`[video] ${what}:`, error);
    // A device's writes happen in the order of its events (registration before its catalog),
    // also on a connection pool where two statements may otherwise overtake each other.
    const queues = new Map<string, Promise<void>>();
    const inOrder = (deviceId: string, what: string, task: () => Promise<unknown>) => {
      const next = (queues.get(deviceId) ?? Promise.resolve()).then(task).then(() => undefined, log(what));
      queues.set(deviceId, next);
      void next.then(() => {
        if (queues.get(deviceId) === next) queues.delete(deviceId);
      });
    };
    const platform = new Gb28181Platform(
      {
        sipId: settings.sipId,
        domain: settings.domain,
        port: settings.port,
        host: settings.host,
        publicAddress: settings.publicAddress,
        keepaliveSeconds: settings.keepaliveSeconds,
        missedKeepalives: 3,
      },
      {
        passwordOf: (deviceId) => devicePassword(db, deviceId, settings.password),
        registered: (device) => inOrder(device.deviceId, 'registration', () => saveRegistration(db, device)),
        online: (deviceId, online) => {
          // Gone offline (keepalives missed, or unregistered): none of its streams is fed any
          // more, so each ends now and its viewers see that, instead of a frozen picture.
          if (!online) centre?.streams.endDeviceStreams(deviceId, 'device offline');
          inOrder(deviceId, 'online state', () => saveOnline(db, deviceId, online));
        },
        keepalive: (deviceId, at) => centre?.keepalives.set(deviceId, at),
        catalog: (deviceId, items) => {
          inOrder(deviceId, 'catalog', () => saveCatalog(db, deviceId, items));
          void platform
            .queryDeviceInfo(deviceId)
            .then((info) => inOrder(deviceId, 'device info', () => saveDeviceInfo(db, deviceId, info)))
            .catch(log('device info'));
        },
        unregistered: (deviceId) => inOrder(deviceId, 'unregistration', () => saveOnline(db, deviceId, false)),
        alarm: (deviceId, alarm) => void receiveDeviceAlarm(db, deviceId, alarm).catch(log('alarm')),
        dialogEnded: (callId) => void centre?.streams.dialogEnded(callId),
      },
    );
    const port = await platform.start();
    if (port === null) {
      console.error(`[video] GB/T 28181 port ${settings.port} is taken: the SIP server is off in this process`);
      return null;
    }
    const stop = (streamId: string, reason: string) => centre?.streams.endStream(streamId, reason);
    const events = {
      rtpTimeout: (streamId: string) => stop(streamId, 'rtp timeout'),
      noReader: (streamId: string) => stop(streamId, 'no reader'),
    };
    const backend: MediaBackend =
      config.media.backend === 'zlmediakit' && config.media.zlm
        ? new ZlmMediaBackend(config.media.zlm, events)
        : new BuiltinMediaBackend(
            {
              rootDir: mkdtempSync(join(tmpdir(), 'citygov-hls-')),
              host: settings.publicAddress,
              rtpTimeoutMs: config.media.rtpTimeoutMs,
            },
            events,
          );
    centre = new VideoCentre(db, platform, backend, config);
    centre.flusher = setInterval(() => void centre?.flush(), KEEPALIVE_FLUSH_MS);
    centre.flusher.unref();
    console.log(
      `[video] GB/T 28181 SIP server ${settings.sipId}@${settings.domain} on ${settings.publicAddress}:${port} (UDP+TCP), media: ${backend.kind}`,
    );
    return centre;
  }

  get port(): number | null {
    return this.platform.port;
  }

  /** Writes the keepalive times gathered since the last flush. */
  async flush(): Promise<number> {
    if (this.keepalives.size === 0) return 0;
    const batch = new Map(this.keepalives);
    this.keepalives.clear();
    return flushKeepalives(this.db, batch);
  }

  async stop(): Promise<void> {
    if (this.flusher) clearInterval(this.flusher);
    await this.streams.stopAll();
    await this.backend.closeAll();
    await this.flush().catch(() => 0);
    this.platform.stop();
  }
}
