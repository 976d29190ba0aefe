/// <reference path="../sip-types.d.ts" />
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { parsePtzCommand } from '@citygov/domain/video/ptz-command';
import type { SipMessage, SipRemote } from 'sip';
import * as digest from 'sip/digest.js';
import { encodeManscdp, encodeXml, escapeXml, parseManscdp, textOf } from '../gb-body';
import { parseSdp, type SdpSummary } from '../sdp';
import { gbDateTime, newTag } from '../sip-requests';
import { type SipEndpoint, sip, startSipEndpoint } from '../sip-stack';
import { PsRtpSender } from './ps-rtp-sender';

/**
 * Cameras (IPCs) that speak GB/T 28181 to our SIP server, for the demo, the tests and
 * the bench: each registers with digest auth, re-registers before expiry, keeps alive,
 * answers Catalog (several MESSAGEs, as NVRs do), DeviceInfo, RecordInfo and PTZ
 * controls, and answers INVITE by streaming a test pattern (PS over RTP). One SIP
 * stack (one port) serves all of them.
 */
export interface SimulatedCamera {
  deviceId: string;
  channelId: string;
  name: string;
  lng: number;
  lat: number;
}

export interface CameraSimulatorOptions {
  server: { host: string; port: number };
  /** The address the platform reaches us at (Contact); 127.0.0.1 unless given. */
  localAddress?: string;
  transport: 'UDP' | 'TCP';
  domain: string;
  platformId: string;
  password: string;
  cameras: SimulatedCamera[];
  keepaliveSeconds: number;
  registerExpires?: number;
  /** Channels per catalog MESSAGE; the catalog of a device is a group + its camera. */
  catalogPageSize?: number;
  /** Stream real video on INVITE (tests of signalling only and the bench do without ffmpeg). */
  stream?: boolean;
  /** REGISTERs per second at start (the bench spreads 10,000 devices out); all at once when absent. */
  registerRate?: number;
}

interface Call {
  callId: string;
  sender: PsRtpSender | null;
  channelId: string;
  /** The offer, until the ACK starts the stream. */
  pending?: SdpSummary;
  /** The platform connects to us (its offer said `a=setup:active`): where we listen. */
  listener?: Server;
}

export interface SimulatorStats {
  registered: number;
  keepalivesSent: number;
  ptzCommands: { channelId: string; hex: string; instruction: number }[];
  invites: number;
  activeCalls: number;
  /** Each INVITE's offer, by device: `media` is `UDP`, or `TCP` with the platform's `a=setup`; `sdp` as received. */
  mediaOffers: { deviceId: string; media: string; sdp: string }[];
}

export class CameraSimulator {
  private endpoint: SipEndpoint | null = null;
  private readonly sessions = new Map<string, Record<string, unknown> | null>();
  private readonly registered = new Set<string>();
  private readonly calls = new Map<string, Call>();
  private readonly timers: NodeJS.Timeout[] = [];
  private cseq = 1;
  /** One per start, as a device's REGISTER Call-ID is one per boot: a new simulator for the same devices is their restart. */
  private readonly bootId = randomUUID().slice(0, 8);
  readonly stats: SimulatorStats = {
    registered: 0,
    keepalivesSent: 0,
    ptzCommands: [],
    invites: 0,
    activeCalls: 0,
    mediaOffers: [],
  };

  constructor(private readonly options: CameraSimulatorOptions) {}

  private get local(): string {
    return this.options.localAddress ?? '127.0.0.1';
  }

  private get serverUri(): string {
    const { host, port } = this.options.server;
    return `sip:${this.options.platformId}@${host}:${port}${this.options.transport === 'TCP' ? ';transport=tcp' : ''}`;
  }

  async start(): Promise<void> {
    const local = this.options.localAddress ?? '127.0.0.1';
    // The stack takes a request to its own host name for a flow of its own, so the name must differ from the server's.
    const publicAddress = local === this.options.server.host ? 'localhost' : local;
    this.endpoint = await startSipEndpoint({ port: 0, host: local, publicAddress }, (request, remote) =>
      this.onRequest(request, remote),
    );
    if (!this.endpoint) throw new Error('no free port for the camera simulator');
    // In batches every 100 ms: per-device timers would drift far behind on a busy event loop.
    const batch = this.options.registerRate ? Math.max(1, Math.round(this.options.registerRate / 10)) : Infinity;
    for (const [index, camera] of this.options.cameras.entries()) {
      if (index > 0 && index % batch === 0) await new Promise((r) => setTimeout(r, 100));
      void this.register(camera.deviceId, this.options.registerExpires ?? 3600);
    }
    // Keepalives are spread over the interval, as independent devices' clocks are.
    const tick = 200;
    const keepalive = setInterval(() => this.keepaliveSlice(tick), tick);
    const reRegister = setInterval(
      () => {
        for (const id of this.registered) void this.register(id, this.options.registerExpires ?? 3600);
      },
      ((this.options.registerExpires ?? 3600) * 1000) / 2,
    );
    this.timers.push(keepalive, reRegister);
  }

  isRegistered(deviceId: string): boolean {
    return this.registered.has(deviceId);
  }

  private base(method: string, deviceId: string, to: string, callId: string = randomUUID()): SipMessage {
    return {
      method,
      uri: this.serverUri,
      version: '2.0',
      headers: {
        via: [],
        to: { uri: `sip:${to}@${this.options.domain}`, params: {} },
        from: { uri: `sip:${deviceId}@${this.options.domain}`, params: { tag: newTag() } },
        'call-id': callId,
        cseq: { seq: this.cseq++, method },
        contact: [{ uri: `sip:${deviceId}@${this.local}:${this.endpoint?.port}`, params: {} }],
        'max-forwards': '70',
        'user-agent': 'citygov-camera-simulator',
      },
      content: '',
    };
  }

  private send(message: SipMessage): Promise<SipMessage> {
    return new Promise((resolve) => {
      this.endpoint?.stack.send(message, (response) => {
        if ((response.status ?? 0) >= 200) resolve(response);
      });
    });
  }

  /** REGISTER, answering the digest challenge; expires 0 unregisters. */
  async register(deviceId: string, expires: number): Promise<number> {
    const request = this.base('REGISTER', deviceId, deviceId, `reg-${deviceId}-${this.bootId}`);
    request.headers.expires = String(expires);
    const session = this.sessions.get(deviceId);
    if (session) digest.signRequest(session, request);
    let response = await this.send(request);
    if (response.status === 401) {
      const retry = this.base('REGISTER', deviceId, deviceId, `reg-${deviceId}-${this.bootId}`);
      retry.headers.expires = String(expires);
      const context: Record<string, unknown> = {};
      digest.signRequest(context, retry, response, { user: deviceId, password: this.options.password });
      this.sessions.set(deviceId, context);
      response = await this.send(retry);
    }
    if (response.status === 200 && expires > 0) {
      if (!this.registered.has(deviceId)) this.stats.registered++;
      this.registered.add(deviceId);
    } else if (expires === 0 || response.status !== 200) {
      if (this.registered.delete(deviceId)) this.stats.registered--;
      // As devices do: a registration that failed (lost, timed out) is tried again a little later.
      if (expires > 0 && this.endpoint) {
        const retry = setTimeout(() => void this.register(deviceId, expires), 3_000 + Math.random() * 4_000);
        retry.unref();
      }
    }
    return response.status ?? 0;
  }

  private notify(deviceId: string, body: string): Promise<SipMessage> {
    const request = this.base('MESSAGE', deviceId, this.options.platformId);
    request.headers['content-type'] = 'Application/MANSCDP+xml';
    request.content = body;
    return this.send(request);
  }

  private keepaliveCursor = 0;

  /** Sends the keepalives due in the next `tickMs`: each device once per keepalive interval. */
  private keepaliveSlice(tickMs: number): void {
    const ids = [...this.registered];
    if (ids.length === 0) return;
    const perTick = Math.max(1, Math.ceil((ids.length * tickMs) / (this.options.keepaliveSeconds * 1000)));
    const due: string[] = [];
    for (let i = 0; i < perTick && i < ids.length; i++) due.push(ids[(this.keepaliveCursor + i) % ids.length] ?? '');
    this.keepaliveCursor = (this.keepaliveCursor + perTick) % ids.length;
    this.keepaliveAll(due);
  }

  private keepaliveAll(deviceIds: Iterable<string>): void {
    for (const deviceId of deviceIds) {
      this.stats.keepalivesSent++;
      void this.notify(
        deviceId,
        encodeManscdp('Notify', { CmdType: 'Keepalive', SN: this.cseq, DeviceID: deviceId, Status: 'OK' }),
      ).then((response) => {
        // The platform forgot us (it restarted): register again.
        if (response.status === 404) void this.register(deviceId, this.options.registerExpires ?? 3600);
      });
    }
  }

  /** Sends a keepalive for one device now (tests). */
  keepalive(deviceId: string): Promise<SipMessage> {
    this.stats.keepalivesSent++;
    return this.notify(
      deviceId,
      encodeManscdp('Notify', { CmdType: 'Keepalive', SN: this.cseq, DeviceID: deviceId, Status: 'OK' }),
    );
  }

  /** A GB/T 28181 alarm notification (报警通知) from a camera. */
  alarm(deviceId: string, fields: { priority: number; method: number; type: number; description: string }) {
    const camera = this.cameraOf(deviceId);
    return this.notify(
      deviceId,
      encodeManscdp('Notify', {
        CmdType: 'Alarm',
        SN: this.cseq,
        DeviceID: camera?.channelId ?? deviceId,
        AlarmPriority: fields.priority,
        AlarmMethod: fields.method,
        AlarmTime: gbDateTime(new Date(), false),
        AlarmDescription: fields.description,
        Longitude: camera?.lng ?? 0,
        Latitude: camera?.lat ?? 0,
        Info: { AlarmType: fields.type },
      }),
    );
  }

  private cameraOf(id: string): SimulatedCamera | undefined {
    return this.options.cameras.find((c) => c.deviceId === id || c.channelId === id);
  }

  private reply(request: SipMessage, status: number, reason: string, extra: Partial<SipMessage> = {}): void {
    const response = sip.makeResponse(request, status, reason);
    if (response.headers.to && !response.headers.to.params.tag) response.headers.to.params.tag = newTag();
    Object.assign(response.headers, extra.headers ?? {});
    if (extra.content) response.content = extra.content;
    this.endpoint?.stack.send(response);
  }

  private onRequest(request: SipMessage, _remote: SipRemote): void {
    const user = sip.parseUri(request.uri ?? '').user ?? '';
    const camera = this.cameraOf(user);
    if (request.method === 'ACK') {
      this.onAck(request);
      return;
    }
    if (request.method === 'BYE') {
      this.reply(request, 200, 'OK');
      this.endCall(request.headers['call-id'] ?? '');
      return;
    }
    if (!camera) {
      this.reply(request, 404, 'Not Found');
      return;
    }
    if (request.method === 'MESSAGE') {
      this.onMessage(request, camera);
      return;
    }
    if (request.method === 'INVITE') {
      void this.onInvite(request, camera);
      return;
    }
    this.reply(request, 200, 'OK');
  }

  private onMessage(request: SipMessage, camera: SimulatedCamera): void {
    const message = parseManscdp(request.content ?? '');
    if (!message) {
      this.reply(request, 400, 'Bad Request');
      return;
    }
    this.reply(request, 200, 'OK');
    const { deviceId } = camera;
    if (message.cmdType === 'Catalog') {
      void this.sendCatalog(camera, message.sn);
      return;
    }
    if (message.cmdType === 'DeviceInfo') {
      void this.notify(
        deviceId,
        encodeManscdp('Response', {
          CmdType: 'DeviceInfo',
          SN: message.sn,
          DeviceID: deviceId,
          Result: 'OK',
          DeviceName: camera.name,
          Manufacturer: 'citygov',
          Model: 'SIM-IPC',
          Firmware: 'V1.0',
          Channel: 1,
        }),
      );
      return;
    }
    if (message.cmdType === 'RecordInfo') {
      void this.sendRecords(camera, message.sn, message.body);
      return;
    }
    if (message.cmdType === 'DeviceControl') {
      const hex = textOf(message.body.PTZCmd);
      const parsed = parsePtzCommand(hex);
      if (parsed) this.stats.ptzCommands.push({ channelId: message.deviceId, hex, instruction: parsed.instruction });
    }
  }

  private async sendCatalog(camera: SimulatedCamera, sn: string): Promise<void> {
    const group = `${camera.deviceId.slice(0, 10)}216${camera.deviceId.slice(13)}`;
    const items = [
      `<Item><DeviceID>${group}</DeviceID><Name>${escapeXml(`${camera.name}所属组织`)}</Name></Item>`,
      `<Item><DeviceID>${camera.channelId}</DeviceID><Name>${escapeXml(camera.name)}</Name><Manufacturer>citygov</Manufacturer><Model>SIM-IPC</Model><ParentID>${group}</ParentID><Status>ON</Status><Longitude>${camera.lng}</Longitude><Latitude>${camera.lat}</Latitude><Info><PTZType>1</PTZType></Info></Item>`,
    ];
    const page = this.options.catalogPageSize ?? 1;
    for (let i = 0; i < items.length; i += page) {
      const slice = items.slice(i, i + page);
      await this.notify(
        camera.deviceId,
        encodeXml(
          `<?xml version="1.0" encoding="GB2312"?>\r\n<Response>\r\n<CmdType>Catalog</CmdType>\r\n<SN>${sn}</SN>\r\n<DeviceID>${camera.deviceId}</DeviceID>\r\n<SumNum>${items.length}</SumNum>\r\n<DeviceList Num="${slice.length}">\r\n${slice.join('\r\n')}\r\n</DeviceList>\r\n</Response>\r\n`,
        ),
      );
    }
  }

  /** Recordings: one an hour over the queried range (at most 24), as a camera's SD card would list. */
  private async sendRecords(camera: SimulatedCamera, sn: string, body: Record<string, unknown>): Promise<void> {
    const parse = (v: unknown) => new Date(String(v ?? '').replace('T', ' '));
    const start = parse(body.StartTime);
    const end = parse(body.EndTime);
    const items: string[] = [];
    for (let t = start.getTime(); t < end.getTime() && items.length < 24; t += 3_600_000) {
      const to = Math.min(t + 3_600_000 - 1000, end.getTime());
      items.push(
        `<Item><DeviceID>${camera.channelId}</DeviceID><Name>${escapeXml(camera.name)}</Name><StartTime>${gbDateTime(new Date(t), false)}</StartTime><EndTime>${gbDateTime(new Date(to), false)}</EndTime><Secrecy>0</Secrecy><Type>time</Type></Item>`,
      );
    }
    await this.notify(
      camera.deviceId,
      encodeXml(
        `<?xml version="1.0" encoding="GB2312"?>\r\n<Response>\r\n<CmdType>RecordInfo</CmdType>\r\n<SN>${sn}</SN>\r\n<DeviceID>${camera.channelId}</DeviceID>\r\n<Name>${escapeXml(camera.name)}</Name>\r\n<SumNum>${items.length}</SumNum>\r\n<RecordList Num="${items.length}">\r\n${items.join('\r\n')}\r\n</RecordList>\r\n</Response>\r\n`,
      ),
    );
  }

  private async onInvite(request: SipMessage, camera: SimulatedCamera): Promise<void> {
    const sdp = Buffer.from(request.content ?? '', 'latin1').toString('utf8');
    const offer = parseSdp(sdp);
    if (!offer) {
      this.reply(request, 488, 'Not Acceptable Here');
      return;
    }
    this.stats.invites++;
    const media = offer.transport === 'UDP' ? 'UDP' : `TCP setup:${offer.setup ?? 'none'}`;
    this.stats.mediaOffers.push({ deviceId: camera.deviceId, media, sdp });
    const callId = request.headers['call-id'] ?? '';
    const ssrc = offer.ssrc ?? '0000000000';
    const tcp = offer.transport === 'TCP';
    const call: Call = { callId, sender: null, channelId: camera.channelId, pending: offer };
    // The platform is active (it connects): we listen, name our port in the answer, and
    // stream on the connection it opens, as devices in 'TCP 被动' mode do.
    let port = 0;
    if (tcp && offer.setup === 'active') {
      const listener = createServer((connection) => {
        listener.close();
        if (call.sender || this.options.stream === false) {
          connection.destroy();
          return;
        }
        call.sender = new PsRtpSender({
          host: '',
          port: 0,
          transport: 'TCP',
          ssrc: Number.parseInt(ssrc, 10),
          connection,
        });
      });
      await new Promise<void>((resolve) => listener.listen(0, this.local, resolve));
      call.listener = listener;
      const address = listener.address();
      port = typeof address === 'object' && address ? address.port : 0;
    }
    const answer = [
      'v=0',
      `o=${camera.channelId} 0 0 IN IP4 ${this.local}`,
      `s=${offer.session}`,
      `c=IN IP4 ${this.local}`,
      `t=${offer.startTime ?? 0} ${offer.endTime ?? 0}`,
      `m=video ${port} ${tcp ? 'TCP/RTP/AVP' : 'RTP/AVP'} 96`,
      'a=sendonly',
      'a=rtpmap:96 PS/90000',
      ...(tcp ? [`a=setup:${offer.setup === 'active' ? 'passive' : 'active'}`, 'a=connection:new'] : []),
      `y=${ssrc}`,
      '',
    ].join('\r\n');
    this.calls.set(callId, call);
    this.stats.activeCalls = this.calls.size;
    this.reply(request, 200, 'OK', {
      headers: {
        contact: [{ uri: `sip:${camera.channelId}@${this.local}:${this.endpoint?.port}`, params: {} }],
        'content-type': 'APPLICATION/SDP',
      },
      content: answer,
    });
  }

  private onAck(request: SipMessage): void {
    const call = this.calls.get(request.headers['call-id'] ?? '');
    const offer = call?.pending;
    if (!call || !offer || call.listener || call.sender || this.options.stream === false) return;
    call.sender = new PsRtpSender({
      host: offer.host,
      port: offer.port,
      transport: offer.transport,
      ssrc: Number.parseInt(offer.ssrc ?? '0', 10),
    });
  }

  private endCall(callId: string): void {
    const call = this.calls.get(callId);
    call?.sender?.stop();
    call?.listener?.close();
    this.calls.delete(callId);
    this.stats.activeCalls = this.calls.size;
  }

  /**
   * The device's media stops without a BYE, its dialogs left open (a camera whose power or
   * uplink failed mid-stream); its later INVITEs stream again.
   */
  cutMedia(deviceId: string): void {
    const channels = new Set(this.options.cameras.filter((c) => c.deviceId === deviceId).map((c) => c.channelId));
    for (const call of this.calls.values()) {
      if (!channels.has(call.channelId) || !call.sender) continue;
      call.sender.stop();
      call.sender = null;
    }
  }

  async stop(options: { unregister?: boolean } = {}): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    for (const callId of [...this.calls.keys()]) this.endCall(callId);
    if (options.unregister) await Promise.all([...this.registered].map((id) => this.register(id, 0)));
    this.endpoint?.stack.destroy();
    this.endpoint = null;
  }
}

/** N cameras with valid ids, spread over a box (the demo city's north-west district by default). */
export function demoCameras(
  count: number,
  box = { lng: 120.1, lat: 30.26, spanLng: 0.08, spanLat: 0.05 },
): SimulatedCamera[] {
  const names = ['江滨路口', '临江广场', '人民路东段', '学院路北', '滨河公园', '北站出口', '菜市场门口', '中心小学'];
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  return Array.from({ length: count }, (_, i) => {
    const seq = String(i + 1).padStart(6, '0');
    const col = i % columns;
    const row = Math.floor(i / columns);
    return {
      deviceId: `3402000000132${'0'}${seq}`,
      channelId: `3402000000131${'0'}${seq}`,
      name: `${names[i % names.length]}${i >= names.length ? `${Math.floor(i / names.length) + 1}号` : ''}摄像机`,
      lng: Number((box.lng + ((col + 0.5) / columns) * box.spanLng).toFixed(6)),
      lat: Number((box.lat + ((row + 0.5) / columns) * box.spanLat).toFixed(6)),
    };
  });
}
