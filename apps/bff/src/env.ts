import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { type LoginThrottlePolicy, TRUSTED_ADDRESS_MS } from '@citygov/domain/auth/login-throttle';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@citygov/domain/auth/password-policy';
import { DEFAULT_DUTY_SILENCE_MINUTES } from '@citygov/domain/command/duty-silence';
import { DEFAULT_CALL_TIMEOUT_SECONDS } from '@citygov/domain/command/patrol';
import type { SmsRateLimit } from '@citygov/domain/messaging/sms';
import { MEDIA_TRANSPORTS, type MediaTransport } from '@citygov/domain/video/media-transport';
import { z } from 'zod';
import type { SmsConfig } from './adapters/sms/gateway';
import type { ZlbConfig } from './adapters/zlb/client';
import type { ZzdConfig } from './adapters/zzd/client';

// The only place that reads process.env; everything else receives a typed config.
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  // 0 behind a pooler in transaction mode (PgBouncer before 1.21), which cannot keep a
  // prepared statement on the connection a query lands on.
  DATABASE_PREPARED_STATEMENTS: z.enum(['0', '1']).default('1'),
  CITYGOV_DATA_DIR: z.string().default('./data'),
  CITYGOV_DEMO_SEED: z.enum(['0', '1']).default('1'),
  // A year of demo cases on a fresh demo city: 0 (the default here) or how many; `npm start` asks for 50,000.
  CITYGOV_DEMO_HISTORY: z.coerce.number().int().min(0).max(10_000_000).default(0),
  CITYGOV_WEB_DIST: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** A wall kiosk session (大屏值守) never idles out; it ends after this many days. */
  WALL_KIOSK_MAX_DAYS: z.coerce.number().positive().max(90).default(30),
  LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  SESSION_MAX_PER_USER: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
  LOGIN_ACCOUNT_SLOWDOWN_AFTER: z.coerce.number().int().min(1).default(10),
  LOGIN_ACCOUNT_SLOWDOWN_SECONDS: z.coerce.number().positive().default(30),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(8),
  PASSWORD_HISTORY: z.coerce.number().int().min(0).max(24).default(5),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(0),
  ATTACHMENT_MAX_PHOTO_MB: z.coerce.number().positive().default(10),
  ATTACHMENT_MAX_VIDEO_MB: z.coerce.number().positive().default(50),
  // Anything but an explicit "development" runs as production: no stack traces in answers.
  NODE_ENV: z.string().default('production'),
  // Read at build time by the web app; the server allows its host in the Content-Security-Policy.
  VITE_TILE_URL: z.string().optional(),
  // GB/T 28181 upper platform (SIP server), with the usual defaults so a camera can be pointed at it.
  GB28181_ENABLED: z.enum(['0', '1']).default('1'),
  GB28181_SIP_ID: z
    .string()
    .regex(/^\d{20}$/, '20 digits')
    .default('34020000002000000001'),
  GB28181_DOMAIN: z
    .string()
    .regex(/^\d{10}$/, '10 digits')
    .default('3402000000'),
  GB28181_PORT: z.coerce.number().int().min(0).max(65535).default(5060),
  GB28181_PASSWORD: z.string().min(1).default('Citygov@28181'),
  GB28181_HOST: z.string().default('0.0.0.0'),
  /** The address devices reach us (and send media) at; default: this machine's first LAN address. */
  GB28181_PUBLIC_IP: z.string().optional(),
  GB28181_KEEPALIVE_SECONDS: z.coerce.number().positive().default(60),
  // Media: the built-in RTP → HLS remuxer (ffmpeg), or a ZLMediaKit server.
  MEDIA_BACKEND: z.enum(['builtin', 'zlmediakit']).default('builtin'),
  // The default 取流方式; a device's own setting (video.setMediaTransport) overrides it.
  MEDIA_TRANSPORT: z.enum(MEDIA_TRANSPORTS).default('UDP'),
  MEDIA_NO_READER_SECONDS: z.coerce.number().positive().default(30),
  MEDIA_RTP_TIMEOUT_SECONDS: z.coerce.number().positive().default(15),
  MEDIA_STALL_SECONDS: z.coerce.number().positive().default(5),
  ZLM_API_URL: z.string().url().optional(),
  ZLM_SECRET: z.string().optional(),
  ZLM_PUBLIC_URL: z.string().url().optional(),
  // Video analytics push their events with this key (header x-citygov-key).
  VIDEO_AI_KEY: z.string().min(8).default('citygov-video-ai-demo-key'),
  // Machine alarm sources (video AI, sensor platforms) sign their batches to /api/alarms/batch with these.
  ALARM_INTAKE_KEY: z.string().min(1).default('citygov-alarm-demo'),
  ALARM_INTAKE_SECRET: z.string().min(8).default('citygov-alarm-demo-secret'),
  // IoT hub: readings over MQTT.
  MQTT_ENABLED: z.enum(['0', '1']).default('1'),
  MQTT_URL: z.string().default('mqtt://127.0.0.1:1883'),
  MQTT_TOPIC_PREFIX: z.string().default('citygov/iot'),
  IOT_CHECK_SECONDS: z.coerce.number().positive().default(30),
  // Where people reach this app (links in 浙政钉 notices, SSO redirect URIs); default: the request's host.
  CITYGOV_PUBLIC_URL: z.string().url().optional(),
  // Demo mode starts a simulator for each of 浙政钉, 浙里办 and SMS whose URL is not set.
  CITYGOV_SIMULATORS: z.enum(['0', '1']).default('1'),
  // The SMS gateway simulator's port (0: any free one); browser tests fix it to read its inbox like a phone.
  CITYGOV_SMS_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  // 浙政钉 (专有钉钉 open platform): gateway, browser login host, app key/secret, tenant.
  ZZD_URL: z.string().url().optional(),
  ZZD_LOGIN_URL: z.string().url().optional(),
  ZZD_APP_KEY: z.string().min(1).optional(),
  ZZD_APP_SECRET: z.string().min(8).optional(),
  ZZD_TENANT_ID: z.string().min(1).default('196729'),
  ZZD_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  // 浙里办 single sign-on for citizens (IRS gateway, signed headers).
  ZLB_URL: z.string().url().optional(),
  ZLB_LOGIN_URL: z.string().url().optional(),
  ZLB_APP_ID: z.string().min(1).optional(),
  ZLB_ACCESS_KEY: z.string().min(1).optional(),
  ZLB_SECRET_KEY: z.string().min(8).optional(),
  ZLB_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  // SMS gateway: aliyun (Dysmsapi SendSms) or yunmas (中国移动云MAS).
  SMS_GATEWAY: z.enum(['aliyun', 'yunmas']).default('aliyun'),
  SMS_URL: z.string().url().optional(),
  SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
  SMS_ACCESS_KEY_SECRET: z.string().min(8).optional(),
  SMS_SIGN_NAME: z.string().min(1).default('云湖城管'),
  SMS_LOGIN_TEMPLATE: z.string().min(1).default('SMS_480000001'),
  SMS_EDUCATION_TEMPLATE: z.string().min(1).default('SMS_480000002'),
  /** 云MAS: the enterprise name (ecName) the account belongs to. */
  SMS_EC_NAME: z.string().default('云湖市城市管理局'),
  /** Receipts pushed to /api/sms/receipts/<gateway> must carry an HMAC of their body with this secret. */
  SMS_CALLBACK_SECRET: z.string().min(8).optional(),
  SMS_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  SMS_RATE_PER_WINDOW: z.coerce.number().int().min(1).default(1),
  SMS_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  SMS_RATE_PER_DAY: z.coerce.number().int().min(1).default(10),
  // Province platform link (省平台, adapters/province); without a URL the demo starts its simulator.
  PROVINCE_URL: z.string().url().optional(),
  PROVINCE_KEY: z.string().min(1).default('citygov-demo'),
  PROVINCE_SECRET: z.string().min(8).default('citygov-province-demo-secret'),
  PROVINCE_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // Enforcement system (执法系统, adapters/enforcement); without a URL the demo starts its simulator.
  ENFORCEMENT_URL: z.string().url().optional(),
  ENFORCEMENT_KEY: z.string().min(1).default('citygov-demo-enforcement'),
  ENFORCEMENT_SECRET: z.string().min(8).default('citygov-enforcement-demo-secret'),
  ENFORCEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // The outbox worker (pg-boss): 0 turns it off in this process (another process delivers).
  OUTBOX_WORKER: z.enum(['0', '1']).default('1'),
  OUTBOX_SWEEP_SECONDS: z.coerce.number().positive().default(5),
  // 片长指挥: a call not answered (接受 / 拒绝) within this expires (超时未接) and passes to the next nearest.
  CITYGOV_CALL_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(DEFAULT_CALL_TIMEOUT_SECONDS),
  // 自动下岗: a person on duty whose phone sends no fix for this long is taken off duty at their last fix.
  CITYGOV_DUTY_SILENCE_MINUTES: z.coerce.number().int().min(1).max(1440).default(DEFAULT_DUTY_SILENCE_MINUTES),
});

const MIB = 1024 * 1024;

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Whether PostgreSQL statements are prepared (packages/db/src/prepared-statements.ts). */
  preparedStatements: boolean;
  dataDir: string;
  seedDemo: boolean;
  /** Cases of demo history to seed into a fresh demo city (0 = none). */
  demoHistory: number;
  webDist: string | undefined;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Lifetime of a wall kiosk session (no idle timeout; read-only wall scope). */
  wallKioskMaxMs: number;
  lockoutMs: number;
  /** Open sessions one user may hold; a new login ends the oldest beyond it. */
  maxSessionsPerUser: number;
  loginThrottle: LoginThrottlePolicy;
  passwordPolicy: PasswordPolicy;
  /** Upload limits, enforced while the file streams in. */
  maxPhotoBytes: number;
  maxVideoBytes: number;
  /** NODE_ENV=development (`pnpm dev`): tRPC answers carry stack traces, nothing else changes. */
  development: boolean;
  /** Origins the browser may load map tiles from (CSP img-src / connect-src); empty in the demo. */
  tileSources: string[];
  gb28181: {
    enabled: boolean;
    sipId: string;
    domain: string;
    port: number;
    password: string;
    host: string;
    publicAddress: string;
    keepaliveSeconds: number;
  };
  media: {
    backend: 'builtin' | 'zlmediakit';
    /** The default 取流方式 of devices that name none (packages/domain/src/video/media-transport.ts). */
    transport: MediaTransport;
    noReaderMs: number;
    rtpTimeoutMs: number;
    /** A shared stream without media this long is restarted for its next viewer. */
    stalledMs: number;
    zlm: { apiUrl: string; secret: string; publicUrl: string } | null;
  };
  videoAiKey: string;
  /** Key id and secret machine alarm sources sign their batches with (HMAC, see alarms/alarm-batch-contract). */
  alarmIntake: { key: string; secret: string };
  iot: { enabled: boolean; mqttUrl: string; topicPrefix: string; checkMs: number };
  /** Where people reach this app; null: taken from each request's host. */
  publicUrl: string | null;
  /** Demo mode: start simulators for the outside systems whose URL is not set. */
  simulators: boolean;
  /** The demo SMS simulator's port (0: a free one). */
  smsSimulatorPort: number;
  /** 浙政钉; null when not configured (its sign-in is not offered). */
  zzd: ZzdConfig | null;
  /** 浙里办 citizen sign-in; null when not configured. */
  zlb: ZlbConfig | null;
  /** The SMS gateway; null when not configured (nothing is sent, SMS login is not offered). */
  sms: SmsConfig | null;
  smsRateLimit: SmsRateLimit;
  /** The province platform (null: not connected; the demo then starts the simulator and fills this in). */
  province: { url: string; key: string; secret: string; timeoutMs: number } | null;
  /** Key and secret the province signs its feedback with (and we sign with); also used for the demo simulator. */
  provinceCredentials: { key: string; secret: string; timeoutMs: number };
  /** The enforcement system (null: not connected; the demo then starts its simulator and fills this in). */
  enforcement: { url: string; key: string; secret: string; timeoutMs: number } | null;
  /** Key and secret of the enforcement link, both ways (its feedback is signed with them too). */
  enforcementCredentials: { key: string; secret: string; timeoutMs: number };
  outbox: { worker: boolean; sweepMs: number };
  /** 片长指挥: seconds a call waits for an answer before 超时未接. */
  callTimeoutSeconds: number;
  /** 自动下岗: minutes without a fix after which a person on duty is taken off duty (dated at the last fix). */
  dutySilenceMinutes: number;
}

/** This machine's first non-internal IPv4 address (what a camera on the LAN can reach), else loopback. */
export function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const v4 = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (v4) return v4.address;
  }
  return '127.0.0.1';
}

/**
 * Whether error answers may carry stack traces. Read once at import by tRPC's
 * initTRPC (which otherwise treats every NODE_ENV but "production" as development).
 */
export function isDevelopment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'development';
}

/**
 * The CSP source of a tile URL template ("https://tiles.example.cn/{z}/{x}/{y}.png" →
 * "https://tiles.example.cn"); a placeholder in the host name becomes a wildcard label.
 */
export function tileSourceOf(template: string | undefined): string[] {
  const match = template?.trim().match(/^(https?):\/\/([^/?#]+)/i);
  if (!match) return [];
  const host = (match[2] ?? '').replace(/\{[^}]*\}/g, '*').toLowerCase();
  if (!/^(\*\.)?[a-z0-9.-]+(:\d+)?$/.test(host)) return [];
  return [`${(match[1] ?? '').toLowerCase()}://${host}`];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.parse(env);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL || undefined,
    preparedStatements: parsed.DATABASE_PREPARED_STATEMENTS === '1',
    dataDir: resolve(parsed.CITYGOV_DATA_DIR),
    seedDemo: parsed.CITYGOV_DEMO_SEED === '1',
    demoHistory: parsed.CITYGOV_DEMO_SEED === '1' ? parsed.CITYGOV_DEMO_HISTORY : 0,
    webDist: parsed.CITYGOV_WEB_DIST,
    sessionIdleMs: parsed.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: parsed.SESSION_MAX_HOURS * 3_600_000,
    wallKioskMaxMs: parsed.WALL_KIOSK_MAX_DAYS * 86_400_000,
    lockoutMs: parsed.LOCKOUT_MINUTES * 60_000,
    maxSessionsPerUser: parsed.SESSION_MAX_PER_USER,
    loginThrottle: {
      pairLimit: parsed.LOGIN_MAX_FAILURES,
      addressLimit: parsed.LOGIN_ADDRESS_MAX_FAILURES,
      accountSlowdownAfter: parsed.LOGIN_ACCOUNT_SLOWDOWN_AFTER,
      accountSlowdownMs: parsed.LOGIN_ACCOUNT_SLOWDOWN_SECONDS * 1000,
      lockoutMs: parsed.LOCKOUT_MINUTES * 60_000,
      trustedForMs: TRUSTED_ADDRESS_MS,
    },
    passwordPolicy: {
      ...DEFAULT_PASSWORD_POLICY,
      minLength: parsed.PASSWORD_MIN_LENGTH,
      historySize: parsed.PASSWORD_HISTORY,
      maxAgeDays: parsed.PASSWORD_MAX_AGE_DAYS,
    },
    maxPhotoBytes: Math.floor(parsed.ATTACHMENT_MAX_PHOTO_MB * MIB),
    maxVideoBytes: Math.floor(parsed.ATTACHMENT_MAX_VIDEO_MB * MIB),
    development: parsed.NODE_ENV === 'development',
    tileSources: tileSourceOf(parsed.VITE_TILE_URL),
    gb28181: {
      enabled: parsed.GB28181_ENABLED === '1',
      sipId: parsed.GB28181_SIP_ID,
      domain: parsed.GB28181_DOMAIN,
      port: parsed.GB28181_PORT,
      password: parsed.GB28181_PASSWORD,
      host: parsed.GB28181_HOST,
      publicAddress: parsed.GB28181_PUBLIC_IP ?? lanAddress(),
      keepaliveSeconds: parsed.GB28181_KEEPALIVE_SECONDS,
    },
    media: {
      backend: parsed.MEDIA_BACKEND,
      transport: parsed.MEDIA_TRANSPORT,
      noReaderMs: parsed.MEDIA_NO_READER_SECONDS * 1000,
      rtpTimeoutMs: parsed.MEDIA_RTP_TIMEOUT_SECONDS * 1000,
      stalledMs: parsed.MEDIA_STALL_SECONDS * 1000,
      zlm:
        parsed.ZLM_API_URL && parsed.ZLM_SECRET
          ? {
              apiUrl: parsed.ZLM_API_URL,
              secret: parsed.ZLM_SECRET,
              publicUrl: parsed.ZLM_PUBLIC_URL ?? parsed.ZLM_API_URL,
            }
          : null,
    },
    videoAiKey: parsed.VIDEO_AI_KEY,
    alarmIntake: { key: parsed.ALARM_INTAKE_KEY, secret: parsed.ALARM_INTAKE_SECRET },
    publicUrl: parsed.CITYGOV_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    simulators: parsed.CITYGOV_SIMULATORS === '1' && parsed.CITYGOV_DEMO_SEED === '1',
    smsSimulatorPort: parsed.CITYGOV_SMS_SIMULATOR_PORT,
    zzd:
      parsed.ZZD_URL && parsed.ZZD_APP_KEY && parsed.ZZD_APP_SECRET
        ? {
            baseUrl: parsed.ZZD_URL,
            loginUrl: parsed.ZZD_LOGIN_URL ?? parsed.ZZD_URL,
            appKey: parsed.ZZD_APP_KEY,
            appSecret: parsed.ZZD_APP_SECRET,
            tenantId: parsed.ZZD_TENANT_ID,
            timeoutMs: parsed.ZZD_TIMEOUT_MS,
          }
        : null,
    zlb:
      parsed.ZLB_URL && parsed.ZLB_APP_ID && parsed.ZLB_ACCESS_KEY && parsed.ZLB_SECRET_KEY
        ? {
            baseUrl: parsed.ZLB_URL,
            loginUrl: parsed.ZLB_LOGIN_URL ?? parsed.ZLB_URL,
            appId: parsed.ZLB_APP_ID,
            accessKey: parsed.ZLB_ACCESS_KEY,
            secretKey: parsed.ZLB_SECRET_KEY,
            timeoutMs: parsed.ZLB_TIMEOUT_MS,
          }
        : null,
    sms:
      parsed.SMS_URL && parsed.SMS_ACCESS_KEY_ID && parsed.SMS_ACCESS_KEY_SECRET
        ? {
            gateway: parsed.SMS_GATEWAY,
            baseUrl: parsed.SMS_URL,
            accessKeyId: parsed.SMS_ACCESS_KEY_ID,
            accessKeySecret: parsed.SMS_ACCESS_KEY_SECRET,
            signName: parsed.SMS_SIGN_NAME,
            ecName: parsed.SMS_EC_NAME,
            loginTemplate: parsed.SMS_LOGIN_TEMPLATE,
            educationTemplate: parsed.SMS_EDUCATION_TEMPLATE,
            callbackSecret: parsed.SMS_CALLBACK_SECRET ?? parsed.SMS_ACCESS_KEY_SECRET,
            timeoutMs: parsed.SMS_TIMEOUT_MS,
          }
        : null,
    smsRateLimit: {
      perWindow: parsed.SMS_RATE_PER_WINDOW,
      windowSeconds: parsed.SMS_RATE_WINDOW_SECONDS,
      perDay: parsed.SMS_RATE_PER_DAY,
    },
    iot: {
      enabled: parsed.MQTT_ENABLED === '1',
      mqttUrl: parsed.MQTT_URL,
      topicPrefix: parsed.MQTT_TOPIC_PREFIX.replace(/\/+$/, ''),
      checkMs: parsed.IOT_CHECK_SECONDS * 1000,
    },
    province: parsed.PROVINCE_URL
      ? {
          url: parsed.PROVINCE_URL,
          key: parsed.PROVINCE_KEY,
          secret: parsed.PROVINCE_SECRET,
          timeoutMs: parsed.PROVINCE_TIMEOUT_MS,
        }
      : null,
    provinceCredentials: {
      key: parsed.PROVINCE_KEY,
      secret: parsed.PROVINCE_SECRET,
      timeoutMs: parsed.PROVINCE_TIMEOUT_MS,
    },
    enforcement: parsed.ENFORCEMENT_URL
      ? {
          url: parsed.ENFORCEMENT_URL,
          key: parsed.ENFORCEMENT_KEY,
          secret: parsed.ENFORCEMENT_SECRET,
          timeoutMs: parsed.ENFORCEMENT_TIMEOUT_MS,
        }
      : null,
    enforcementCredentials: {
      key: parsed.ENFORCEMENT_KEY,
      secret: parsed.ENFORCEMENT_SECRET,
      timeoutMs: parsed.ENFORCEMENT_TIMEOUT_MS,
    },
    outbox: { worker: parsed.OUTBOX_WORKER === '1', sweepMs: parsed.OUTBOX_SWEEP_SECONDS * 1000 },
    callTimeoutSeconds: parsed.CITYGOV_CALL_TIMEOUT_SECONDS,
    dutySilenceMinutes: parsed.CITYGOV_DUTY_SILENCE_MINUTES,
  };
}
