import { randomUUID } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect, createServer, type Server as TcpServer, type Socket as TcpSocket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import {
  HLS_FILE,
  HLS_PLAYLIST,
  HlsRemuxer,
  hlsContentType,
  parseRtp,
  playlistReady,
  RtpSequencer,
  rfc4571Deframer,
} from '../../modules/video/api';
import { listenSimulator, type RunningSimulator } from '../sim-http';
import { FlvLive } from './flv-live';

/**
 * A ZLMediaKit MediaServer over the network, for the tests and the demo: its HTTP API
 * (`/index/api/...`, GET or POST, form or JSON, `secret` checked, answers
 * `{ code, msg, ... }` with HTTP 200 whatever the outcome), RTP servers that really
 * listen (UDP; with tcp_mode 1 also TCP on the same port, RFC 4571 framing; with
 * tcp_mode 2 it connects to the device when told by connectRtpServer), a stream
 * `rtp/<stream_id>` that goes online when RTP with the right SSRC arrives, playback
 * URLs (`/rtp/<id>/hls.m3u8`, `/rtp/<id>.live.flv`) checked through on_play, and the
 * web hooks posted as JSON the way the real server posts them. The picture is real: the
 * PS payloads are remuxed (ffmpeg, video copied) to HLS and to live HTTP-FLV, so a
 * player — hls.js, mpegts.js, ffprobe — decodes what the camera sent.
 */

/** ZLMediaKit's API result codes (its ApiErr enum). */
export const ZLM_CODE = {
  success: 0,
  otherFailed: -1,
  authFailed: -100,
  sqlFailed: -200,
  invalidArgs: -300,
  exception: -400,
} as const;

export type ZlmHookName =
  | 'on_play'
  | 'on_stream_changed'
  | 'on_stream_none_reader'
  | 'on_rtp_server_timeout'
  | 'on_server_started';

export interface ZlmHookCall {
  hook: ZlmHookName;
  body: Record<string, unknown>;
  /** Our HTTP status, or 0 when the hook could not be reached. */
  status: number;
  answer: unknown;
}

interface RtpServerState {
  streamId: string;
  port: number;
  tcpMode: number;
  ssrc: number;
  udp: UdpSocket;
  tcp: TcpServer | null;
  connections: Set<TcpSocket>;
  packets: number;
  dropped: number;
  bytes: number;
  /** ZLMediaKit's BytesSpeed: `bytes` when the rate was last computed, when, and the rate then. */
  speed: { bytesThen: number; since: number; value: number };
  openedAt: number;
  lastPacketAt: number | null;
  /** The picture: payloads in order → one ffmpeg → HLS files in `dir` and live FLV. */
  sequencer: RtpSequencer;
  remuxer: HlsRemuxer;
  flv: FlvLive;
  dir: string;
}

/** How long an HLS request waits for the stream's first playlist, as the real server waits for a stream to be ready. */
const HLS_READY_MS = 10_000;

interface OnlineMedia {
  app: string;
  stream: string;
  createdAt: number;
  readers: number;
  totalReaders: number;
  lastReadAt: number;
}

export interface ZlmSimulator extends RunningSimulator {
  secret: string;
  mediaServerId: string;
  /**
   * How the API answers: `ok`; `refuse` answers openRtpServer with code -1 (as when no
   * port is free); `unreachable` drops every API connection without an answer;
   * `down-after-open` opens the RTP server, then goes unreachable (a crash mid-start).
   */
  mode: 'ok' | 'refuse' | 'unreachable' | 'down-after-open';
  /** Whether getMediaList carries `bytesSpeed` (older builds leave it out). */
  reportsBytesSpeed: boolean;
  /**
   * Where the hooks go: `${prefix}/${hook}` plus `?${query}` when given, like the
   * `[hook]` lines of config.ini. Settable once our server listens; no hooks while null.
   */
  hooks: { prefix: string; query?: string } | null;
  hookCalls: ZlmHookCall[];
  /** Every API call, by name, with its arguments (the secret removed). */
  apiCalls: { api: string; args: Record<string, string> }[];
  rtpServers(): { streamId: string; port: number; tcpMode: number; packets: number; dropped: number }[];
  isOnline(streamId: string): boolean;
  /** Fires on_stream_none_reader for a stream now and closes it when the answer says so. */
  noReader(streamId: string): Promise<ZlmHookCall>;
  /** Lets an RTP server time out now: the stream (if any) goes offline, then on_rtp_server_timeout. */
  timeoutRtpServer(streamId: string): Promise<ZlmHookCall>;
  /** Posts any hook body (for refusal tests); resolves with our answer. */
  postHook(hook: ZlmHookName, body: unknown, query?: string): Promise<ZlmHookCall>;
}

const VHOST = '__defaultVhost__';
/** The protocols a stream is registered under; on_stream_changed fires once for each. */
const SCHEMAS = ['rtsp', 'rtmp'] as const;

class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startZlmSimulator(
  options: {
    port?: number;
    secret?: string;
    hooks?: { prefix: string; query?: string };
    /** rtp_proxy.timeoutSec: an RTP server that hears nothing this long times out (0: never). */
    rtpTimeoutMs?: number;
    /** general.streamNoneReaderDelayMS: a stream nobody plays this long fires on_stream_none_reader (0: never). */
    noReaderMs?: number;
  } = {},
): Promise<ZlmSimulator> {
  const servers = new Map<string, RtpServerState>();
  const media = new Map<string, OnlineMedia>();
  const hookCalls: ZlmHookCall[] = [];
  const apiCalls: { api: string; args: Record<string, string> }[] = [];
  const mediaRoot = await mkdtemp(join(tmpdir(), 'citygov-zlm-sim-'));
  /** Per stream, the query strings on_play admitted for HLS: the segments of that session follow without asking again. */
  const hlsSessions = new Map<string, Set<string>>();

  const postHook = async (hook: ZlmHookName, body: unknown, query = sim.hooks?.query): Promise<ZlmHookCall> => {
    const record: ZlmHookCall = {
      hook,
      body: (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>,
      status: 0,
      answer: null,
    };
    hookCalls.push(record);
    if (!sim.hooks) return record;
    const url = `${sim.hooks.prefix.replace(/\/+$/, '')}/${hook}${query ? `?${query}` : ''}`;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      record.status = response.status;
      const text = await response.text();
      try {
        record.answer = JSON.parse(text);
      } catch {
        record.answer = text;
      }
    } catch (error) {
      record.answer = String(error);
    }
    return record;
  };
  const hookAccepted = (call: ZlmHookCall) =>
    call.status === 200 && (call.answer as { code?: unknown } | null)?.code === 0;

  const regist = async (streamId: string, online: boolean) => {
    const key = `rtp/${streamId}`;
    if (online === media.has(key)) return;
    if (online) {
      const now = Date.now();
      media.set(key, { app: 'rtp', stream: streamId, createdAt: now, readers: 0, totalReaders: 0, lastReadAt: now });
    } else media.delete(key);
    for (const schema of SCHEMAS)
      await postHook('on_stream_changed', {
        regist: online,
        app: 'rtp',
        stream: streamId,
        schema,
        vhost: VHOST,
        mediaServerId: sim.mediaServerId,
        ...(online ? { originType: 3, originTypeStr: 'rtp_push', totalReaderCount: 0 } : {}),
      });
  };

  const onPacket = (server: RtpServerState, packet: Buffer) => {
    const rtp = parseRtp(packet);
    // As the real server does, a packet of another SSRC than the one opened for is dropped.
    if (!rtp || (server.ssrc !== 0 && rtp.ssrc !== server.ssrc) || servers.get(server.streamId) !== server) {
      server.dropped++;
      return;
    }
    server.packets++;
    server.bytes += packet.length;
    server.lastPacketAt = Date.now();
    server.sequencer.take(rtp);
    if (!media.has(`rtp/${server.streamId}`)) void regist(server.streamId, true);
  };

  const closeServer = (server: RtpServerState) => {
    servers.delete(server.streamId);
    hlsSessions.delete(server.streamId);
    server.udp.close();
    for (const socket of server.connections) socket.destroy();
    server.tcp?.close();
    server.flv.end();
    void server.remuxer.stop().then(() => rm(server.dir, { recursive: true, force: true }));
  };

  const bindUdp = (port: number) =>
    new Promise<UdpSocket>((resolve, reject) => {
      const socket = createSocket('udp4');
      socket.once('error', reject);
      socket.bind(port, '0.0.0.0', () => {
        socket.off('error', reject);
        resolve(socket);
      });
    });
  const listenTcp = (port: number) =>
    new Promise<TcpServer>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '0.0.0.0', () => {
        server.off('error', reject);
        resolve(server);
      });
    });

  const takeConnection = (server: RtpServerState, socket: TcpSocket) => {
    server.connections.add(socket);
    const feed = rfc4571Deframer((packet) => onPacket(server, packet));
    socket.on('data', feed);
    socket.on('error', () => {});
    socket.on('close', () => server.connections.delete(socket));
  };

  /** tcp_mode 2: connect to the device's listening port; answers once connected or failed, as the real API does. */
  const connectRtpServer = (server: RtpServerState, host: string, port: number) =>
    new Promise<void>((resolve, reject) => {
      const socket = connect({ host, port, timeout: 5_000 });
      const fail = () => {
        socket.destroy();
        reject(new ApiError(ZLM_CODE.otherFailed, `connect to ${host}:${port} failed`));
      };
      socket.once('error', fail);
      socket.once('timeout', fail);
      socket.once('connect', () => {
        socket.off('error', fail);
        socket.off('timeout', fail);
        socket.setTimeout(0);
        takeConnection(server, socket);
        resolve();
      });
    });

  const openRtpServer = async (streamId: string, port: number, tcpMode: number, ssrc: number) => {
    // tcp_mode 1 (passive) listens on TCP as well, on the same port number as the UDP socket.
    for (let attempt = 0; attempt < 10; attempt++) {
      const udp = await bindUdp(port);
      const actual = udp.address().port;
      let tcp: TcpServer | null = null;
      if (tcpMode === 1) {
        try {
          tcp = await listenTcp(actual);
        } catch (error) {
          udp.close();
          if (port === 0) continue;
          throw error;
        }
      }
      const dir = join(mediaRoot, `${streamId.replace(/[^0-9A-Za-z_-]/g, '_')}-${randomUUID()}`);
      const flv = new FlvLive();
      const remuxer = await HlsRemuxer.start(dir, { flv: (chunk) => flv.push(chunk) });
      const server: RtpServerState = {
        streamId,
        port: actual,
        tcpMode,
        ssrc,
        udp,
        tcp,
        connections: new Set(),
        packets: 0,
        dropped: 0,
        bytes: 0,
        speed: { bytesThen: 0, since: Date.now(), value: 0 },
        openedAt: Date.now(),
        lastPacketAt: null,
        sequencer: new RtpSequencer((payload) => remuxer.write(payload)),
        remuxer,
        flv,
        dir,
      };
      udp.on('message', (packet) => onPacket(server, packet));
      udp.on('error', () => {});
      tcp?.on('connection', (socket) => takeConnection(server, socket));
      servers.set(streamId, server);
      return server;
    }
    throw new ApiError(ZLM_CODE.otherFailed, 'open rtp server failed');
  };

  const timeoutServer = async (streamId: string): Promise<ZlmHookCall> => {
    const server = servers.get(streamId);
    if (server) closeServer(server);
    await regist(streamId, false);
    return postHook('on_rtp_server_timeout', {
      local_port: server?.port ?? 0,
      re_use_port: false,
      ssrc: server?.ssrc ?? 0,
      stream_id: streamId,
      tcp_mode: server?.tcpMode ?? 0,
      mediaServerId: sim.mediaServerId,
    });
  };

  const noReader = async (streamId: string): Promise<ZlmHookCall> => {
    const entry = media.get(`rtp/${streamId}`);
    if (entry) entry.lastReadAt = Date.now();
    const call = await postHook('on_stream_none_reader', {
      app: 'rtp',
      schema: 'rtsp',
      stream: streamId,
      vhost: VHOST,
      mediaServerId: sim.mediaServerId,
    });
    // `close: true` in the answer closes the stream; with an RTP source that ends its RTP server too.
    if (hookAccepted(call) && (call.answer as { close?: unknown }).close === true) {
      const server = servers.get(streamId);
      if (server) closeServer(server);
      await regist(streamId, false);
    }
    return call;
  };

  const argsOf = (req: Request): Record<string, string> => {
    const args: Record<string, string> = {};
    const add = (source: unknown) => {
      if (typeof source !== 'object' || source === null) return;
      for (const [k, v] of Object.entries(source)) if (typeof v !== 'object' || v === null) args[k] = String(v ?? '');
    };
    add(req.query);
    add(req.body);
    return args;
  };
  const need = (args: Record<string, string>, ...names: string[]) => {
    for (const name of names)
      if (args[name] === undefined || args[name] === '')
        throw new ApiError(ZLM_CODE.invalidArgs, `Required parameter missed: ${name}`);
  };
  const int = (value: string | undefined, fallback: number) => {
    const n = Number.parseInt(value ?? '', 10);
    return Number.isFinite(n) ? n : fallback;
  };
  const ZApiName = z.enum([
    'openRtpServer',
    'closeRtpServer',
    'connectRtpServer',
    'listRtpServer',
    'getMediaList',
    'isMediaOnline',
    'getServerConfig',
    'version',
  ]);

  /**
   * The rate as the real server reports it: computed over the time since it was last asked,
   * and asked again within a second, the same figure (ZLToolKit's BytesSpeed::getSpeed).
   */
  const bytesSpeedOf = (server: RtpServerState | undefined) => {
    if (!server) return 0;
    const { speed } = server;
    const elapsed = Date.now() - speed.since;
    if (elapsed < 1_000) return speed.value;
    speed.value = Math.floor(((server.bytes - speed.bytesThen) * 1_000) / elapsed);
    speed.bytesThen = server.bytes;
    speed.since = Date.now();
    return speed.value;
  };

  const mediaEntries = (filter: Record<string, string>) =>
    [...media.values()]
      .filter((m) => (!filter.app || m.app === filter.app) && (!filter.stream || m.stream === filter.stream))
      .flatMap((m) =>
        SCHEMAS.filter((schema) => !filter.schema || filter.schema === schema).map((schema) => ({
          app: m.app,
          stream: m.stream,
          schema,
          vhost: VHOST,
          originType: 3,
          originTypeStr: 'rtp_push',
          originUrl: '',
          createStamp: Math.floor(m.createdAt / 1000),
          aliveSecond: Math.floor((Date.now() - m.createdAt) / 1000),
          readerCount: m.readers,
          totalReaderCount: m.totalReaders,
          ...(sim.reportsBytesSpeed ? { bytesSpeed: bytesSpeedOf(servers.get(m.stream)) } : {}),
          isRecordingHLS: false,
          isRecordingMP4: false,
          tracks: [{ codec_id: 0, codec_id_name: 'H264', codec_type: 0, ready: true }],
        })),
      );

  const api = async (name: string, args: Record<string, string>): Promise<Record<string, unknown>> => {
    const parsed = ZApiName.safeParse(name);
    if (!parsed.success) throw new ApiError(ZLM_CODE.invalidArgs, 'api not found');
    need(args, 'secret');
    if (args.secret !== sim.secret) throw new ApiError(ZLM_CODE.authFailed, 'Incorrect secret');
    switch (parsed.data) {
      case 'openRtpServer': {
        need(args, 'port', 'stream_id');
        const streamId = args.stream_id ?? '';
        if (sim.mode === 'refuse') throw new ApiError(ZLM_CODE.otherFailed, 'open rtp server failed');
        if (servers.has(streamId)) throw new ApiError(ZLM_CODE.invalidArgs, 'This stream already exists');
        // enable_tcp is the older name of tcp_mode 1.
        const tcpMode = int(args.tcp_mode, int(args.enable_tcp, 0) ? 1 : 0);
        if (tcpMode !== 0 && tcpMode !== 1 && tcpMode !== 2)
          throw new ApiError(ZLM_CODE.invalidArgs, 'invalid tcp_mode');
        const server = await openRtpServer(streamId, int(args.port, 0), tcpMode, int(args.ssrc, 0));
        if (sim.mode === 'down-after-open') sim.mode = 'unreachable';
        return { code: ZLM_CODE.success, port: server.port };
      }
      case 'connectRtpServer': {
        need(args, 'dst_url', 'dst_port', 'stream_id');
        const server = servers.get(args.stream_id ?? '');
        if (!server) throw new ApiError(ZLM_CODE.otherFailed, 'can not find the stream');
        if (server.tcpMode !== 2) throw new ApiError(ZLM_CODE.otherFailed, 'rtp server is not in tcp active mode');
        await connectRtpServer(server, args.dst_url ?? '', int(args.dst_port, 0));
        return { code: ZLM_CODE.success };
      }
      case 'closeRtpServer': {
        need(args, 'stream_id');
        const server = servers.get(args.stream_id ?? '');
        if (server) {
          closeServer(server);
          await regist(server.streamId, false);
        }
        return { code: ZLM_CODE.success, hit: server ? 1 : 0 };
      }
      case 'listRtpServer':
        return {
          code: ZLM_CODE.success,
          data: [...servers.values()].map((s) => ({ port: s.port, stream_id: s.streamId })),
        };
      case 'getMediaList':
        return { code: ZLM_CODE.success, data: mediaEntries(args) };
      case 'isMediaOnline':
        need(args, 'schema', 'vhost', 'app', 'stream');
        return { code: ZLM_CODE.success, online: mediaEntries(args).length > 0 };
      case 'getServerConfig':
        return {
          code: ZLM_CODE.success,
          data: [{ 'api.secret': sim.secret, 'general.mediaServerId': sim.mediaServerId }],
        };
      case 'version':
        return { code: ZLM_CODE.success, data: { branchName: 'simulator', buildTime: '', commitHash: '' } };
    }
  };

  const app = express();
  app.use(express.urlencoded({ extended: false }), express.json());
  app.use((req, _res, next) => {
    if (sim.mode === 'unreachable' && req.path.startsWith('/index/api/')) req.socket.destroy();
    else next();
  });
  app.all('/index/api/:name', async (req, res) => {
    const args = argsOf(req);
    const { secret: _secret, ...logged } = args;
    apiCalls.push({ api: req.params.name ?? '', args: logged });
    try {
      res.json(await api(req.params.name ?? '', args));
    } catch (error) {
      // HTTP 200 with the code in the body, whatever went wrong.
      if (error instanceof ApiError) res.json({ code: error.code, msg: error.message });
      else res.json({ code: ZLM_CODE.exception, msg: String(error) });
    }
  });

  /** on_play for one viewer: the URL parameters go to our hook, which admits or refuses the token. */
  const admitted = async (req: Request, streamId: string, schema: 'hls' | 'http-flv') => {
    const call = await postHook('on_play', {
      app: 'rtp',
      stream: streamId,
      schema,
      vhost: VHOST,
      params: queryOf(req),
      id: randomUUID(),
      ip: (req.ip ?? '').replace(/^::ffff:/, ''),
      port: req.socket.remotePort ?? 0,
      protocol: 'http',
      mediaServerId: sim.mediaServerId,
    });
    return hookAccepted(call);
  };
  const queryOf = (req: Request) => req.originalUrl.split('?')[1] ?? '';
  const onlineEntry = (streamId: string, res: Response) => {
    const entry = media.get(`rtp/${streamId}`);
    const server = servers.get(streamId);
    if (!entry || !server) res.status(404).type('text/plain').send('stream not found');
    return entry && server ? { entry, server } : null;
  };

  // http.allow_cross_domains=1 (the real server's default): players on the app's origin may fetch.
  app.use('/rtp', (req, res, next) => {
    if (req.headers.origin) {
      res.set('Access-Control-Allow-Origin', req.headers.origin);
      res.set('Access-Control-Allow-Credentials', 'true');
    }
    next();
  });

  // HLS: on_play once per session (the query string); the playlist's segment URIs carry it on.
  app.get('/rtp/:stream/hls.m3u8', async (req, res) => {
    const streamId = req.params.stream ?? '';
    const online = onlineEntry(streamId, res);
    if (!online) return;
    if (!(await admitted(req, streamId, 'hls'))) {
      res.status(401).type('text/plain').send('play refused');
      return;
    }
    const query = queryOf(req);
    hlsSessions.set(streamId, (hlsSessions.get(streamId) ?? new Set()).add(query));
    online.entry.lastReadAt = Date.now();
    const stillOpen = () => servers.get(streamId) === online.server;
    if (!(await playlistReady(online.server.dir, HLS_READY_MS, stillOpen))) {
      res.status(404).type('text/plain').send('stream not ready');
      return;
    }
    const suffix = query ? `?${query}` : '';
    const text = (await readFile(join(online.server.dir, HLS_PLAYLIST), 'utf8'))
      .split('\n')
      .map((line) =>
        line.startsWith('#EXT-X-MAP:URI="')
          ? line.replace(/URI="([^"]+)"/, `URI="$1${suffix}"`)
          : line && !line.startsWith('#')
            ? `${line}${suffix}`
            : line,
      )
      .join('\n');
    res.type('application/vnd.apple.mpegurl').set('Cache-Control', 'no-cache').send(text);
  });
  app.get('/rtp/:stream/:file', async (req, res) => {
    const streamId = req.params.stream ?? '';
    const file = req.params.file ?? '';
    // The playlist itself only through hls.m3u8, where its segment URIs carry the session on.
    if (file === HLS_PLAYLIST || !HLS_FILE.test(file)) {
      res.status(404).send('not found');
      return;
    }
    const online = onlineEntry(streamId, res);
    if (!online) return;
    if (!hlsSessions.get(streamId)?.has(queryOf(req))) {
      res.status(401).type('text/plain').send('play refused');
      return;
    }
    online.entry.lastReadAt = Date.now();
    try {
      res.type(hlsContentType(file)).send(await readFile(join(online.server.dir, file)));
    } catch {
      res.status(404).send('segment gone');
    }
  });
  // HTTP-FLV: on_play per connection; the viewer counts as a reader while it stays.
  app.get('/rtp/:file', async (req, res) => {
    const streamId = /^(.+)\.live\.flv$/.exec(req.params.file ?? '')?.[1];
    if (!streamId) {
      res.status(404).send('not found');
      return;
    }
    const online = onlineEntry(streamId, res);
    if (!online) return;
    if (!(await admitted(req, streamId, 'http-flv'))) {
      res.status(401).type('text/plain').send('play refused');
      return;
    }
    const { entry, server } = online;
    entry.readers++;
    entry.totalReaders++;
    server.flv.add(res);
    res.on('close', () => {
      entry.readers--;
      entry.lastReadAt = Date.now();
    });
  });

  // The real server's clocks: RTP timeout and no reader, checked every 200 ms.
  const clock = setInterval(() => {
    const now = Date.now();
    if (options.rtpTimeoutMs)
      for (const server of [...servers.values()])
        if (now - (server.lastPacketAt ?? server.openedAt) > options.rtpTimeoutMs) void timeoutServer(server.streamId);
    if (options.noReaderMs)
      for (const entry of [...media.values()])
        if (entry.readers === 0 && now - entry.lastReadAt > options.noReaderMs) void noReader(entry.stream);
  }, 200);
  clock.unref();

  const running = await listenSimulator(app, options.port ?? 0);
  const sim: ZlmSimulator = {
    url: running.url,
    async close() {
      clearInterval(clock);
      const open = [...servers.values()];
      for (const server of open) closeServer(server);
      await running.close();
      await Promise.all(open.map((server) => server.remuxer.exited));
      await rm(mediaRoot, { recursive: true, force: true });
    },
    secret: options.secret ?? 'citygov-demo-zlm-secret',
    mediaServerId: 'citygov-zlm-sim',
    mode: 'ok',
    reportsBytesSpeed: true,
    hooks: options.hooks ?? null,
    hookCalls,
    apiCalls,
    rtpServers: () =>
      [...servers.values()].map((s) => ({
        streamId: s.streamId,
        port: s.port,
        tcpMode: s.tcpMode,
        packets: s.packets,
        dropped: s.dropped,
      })),
    isOnline: (streamId) => media.has(`rtp/${streamId}`),
    noReader,
    timeoutRtpServer: timeoutServer,
    postHook,
  };
  return sim;
}
