/// <reference path="./sip-types.d.ts" />
import { randomUUID } from 'node:crypto';
import { deviceIdProblem } from '@citygov/domain/video/gb-id';
import type { SipMessage, SipRemote } from 'sip';
import { type CatalogItem, catalogItemsOf } from './catalog-items';
import { childOf, encodeManscdp, itemsOf, type ManscdpMessage, parseManscdp, textOf, type XmlObject } from './gb-body';
import { RegisterAuth } from './register-auth';
import { buildOffer, type MediaOffer, parseSdp, type SdpSummary } from './sdp';
import { buildRequest, type DeviceTarget, gbDateTime, newTag, parseGbDateTime } from './sip-requests';
import { type SipEndpoint, sip, startSipEndpoint } from './sip-stack';

/**
 * The upper platform of GB/T 28181 (上级平台, our SIP server): devices register with
 * digest authentication, keep alive, answer catalog / device-info / record queries,
 * take PTZ controls, and stream to us when invited. State here is what the signalling
 * needs (registrations, keepalive clocks, dialogs, open queries); what the city keeps
 * (devices, channels) is written by the listener, the video module.
 */
export interface PlatformConfig {
  sipId: string;
  domain: string;
  port: number;
  /** Interface to listen on, and the address devices reach us at. */
  host: string;
  publicAddress: string;
  /** Devices send a keepalive this often; offline after `missedKeepalives` missed. */
  keepaliveSeconds: number;
  missedKeepalives: number;
  /** Catalog and record queries give up waiting for the rest after this long. */
  queryTimeoutMs?: number;
}

export interface DeviceRegistration extends DeviceTarget {
  expires: number;
  registeredAt: Date;
}

export interface PlatformListener {
  /** The password a device must prove: its own, or the platform's shared one. */
  passwordOf(deviceId: string): Promise<string>;
  registered?(device: DeviceRegistration, firstTime: boolean): void;
  unregistered?(deviceId: string): void;
  online?(deviceId: string, online: boolean, reason: string): void;
  keepalive?(deviceId: string, at: Date): void;
  catalog?(deviceId: string, items: CatalogItem[]): void;
  alarm?(deviceId: string, alarm: DeviceAlarm): void;
  /** A dialog the device ended (BYE), or whose playback finished (MediaStatus 121). */
  dialogEnded?(callId: string, reason: string): void;
}

export interface DeviceAlarm {
  channelId: string;
  priority: string;
  method: string;
  type: string;
  at: Date;
  description: string;
  lng: number | null;
  lat: number | null;
  body: XmlObject;
}

export interface RecordItem {
  channelId: string;
  name: string;
  startTime: Date;
  endTime: Date;
  type: string;
}

export interface MediaDialog {
  callId: string;
  deviceId: string;
  channelId: string;
  answer: SdpSummary;
}

interface DeviceState extends DeviceRegistration {
  /** The connection it registered over: requests go back the same way (NAT, TCP). */
  flow: SipRemote;
  expiresAt: number;
  lastKeepaliveAt: number;
  online: boolean;
  /** The REGISTER's Call-ID: a device keeps it for refreshes and takes a new one when it restarts (RFC 3261 10.2). */
  registrationCallId: string;
}

interface Dialog {
  callId: string;
  target: DeviceState;
  channelId: string;
  fromTag: string;
  toTag: string;
  remoteUri: string;
  cseq: number;
}

interface PendingQuery {
  items: XmlObject[];
  sumNum: number | null;
  listName: string;
  resolve: (result: { items: XmlObject[]; response: ManscdpMessage | null }) => void;
  timer: NodeJS.Timeout;
  last: ManscdpMessage | null;
}

const MANSCDP = 'Application/MANSCDP+xml';

export class PlatformError extends Error {}

export class Gb28181Platform {
  private endpoint: SipEndpoint | null = null;
  private readonly auth: RegisterAuth;
  private readonly devices = new Map<string, DeviceState>();
  private readonly dialogs = new Map<string, Dialog>();
  private readonly queries = new Map<string, PendingQuery>();
  private sn = 1;
  private cseq = 1;
  private watchdog: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: PlatformConfig,
    private readonly listener: PlatformListener,
  ) {
    this.auth = new RegisterAuth(config.domain);
  }

  /** Listens; returns the port, or null when the port is taken (the caller logs and goes on). */
  async start(): Promise<number | null> {
    this.endpoint = await startSipEndpoint(
      {
        port: this.config.port,
        host: this.config.host,
        publicAddress: this.config.publicAddress,
        onError: (error) => console.error('[gb28181] sip:', error),
      },
      (request, remote) => {
        this.onRequest(request, remote).catch((error) => console.error('[gb28181] request failed:', error));
      },
    );
    if (!this.endpoint) return null;
    const tick = Math.max(200, Math.min(5_000, (this.config.keepaliveSeconds * 1000) / 4));
    this.watchdog = setInterval(() => this.checkLiveness(), tick);
    this.watchdog.unref();
    return this.endpoint.port;
  }

  stop(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    for (const query of this.queries.values()) clearTimeout(query.timer);
    this.queries.clear();
    this.endpoint?.stack.destroy();
    this.endpoint = null;
  }

  get port(): number | null {
    return this.endpoint?.port ?? null;
  }

  device(deviceId: string): (DeviceRegistration & { online: boolean; lastKeepaliveAt: Date }) | null {
    const state = this.devices.get(deviceId);
    return state ? { ...state, lastKeepaliveAt: new Date(state.lastKeepaliveAt) } : null;
  }

  onlineCount(): number {
    let n = 0;
    for (const d of this.devices.values()) if (d.online) n++;
    return n;
  }

  activeDialogs(): number {
    return this.dialogs.size;
  }

  // ── incoming ─────────────────────────────────────────────────────────────

  private reply(
    request: SipMessage,
    status: number,
    reason: string,
    headers: Record<string, unknown> = {},
    content?: string,
  ) {
    const response = sip.makeResponse(request, status, reason);
    if (response.headers.to && !response.headers.to.params.tag && status >= 200)
      response.headers.to.params.tag = newTag();
    Object.assign(response.headers, headers);
    if (content !== undefined) response.content = content;
    this.endpoint?.stack.send(response);
  }

  private challenge(request: SipMessage, stale: boolean): void {
    const response = sip.makeResponse(request, 401, 'Unauthorized');
    if (response.headers.to) response.headers.to.params.tag = newTag();
    this.endpoint?.stack.send(this.auth.challenge(response, stale));
  }

  private async onRequest(request: SipMessage, remote: SipRemote): Promise<void> {
    switch (request.method) {
      case 'REGISTER':
        return this.onRegister(request, remote);
      case 'MESSAGE':
        return this.onMessage(request);
      case 'BYE':
        return this.onBye(request);
      case 'ACK':
        return;
      case 'NOTIFY':
      case 'INFO':
      case 'OPTIONS':
        return this.reply(request, 200, 'OK');
      default:
        return this.reply(request, 405, 'Method Not Allowed', { allow: 'REGISTER, MESSAGE, BYE, ACK, OPTIONS' });
    }
  }

  private deviceIdOf(request: SipMessage): string {
    const from = request.headers.from?.uri;
    return from ? (sip.parseUri(from).user ?? '') : '';
  }

  private expiresOf(request: SipMessage): number {
    const contact = Array.isArray(request.headers.contact) ? request.headers.contact[0] : undefined;
    const raw = contact?.params.expires ?? request.headers.expires;
    const value = Number(raw);
    return Number.isFinite(value) && raw !== undefined && raw !== null ? value : 3600;
  }

  private async onRegister(request: SipMessage, remote: SipRemote): Promise<void> {
    const deviceId = this.deviceIdOf(request);
    const problem = deviceIdProblem(deviceId);
    if (problem) return this.reply(request, 400, 'Bad Device ID');
    if (!request.headers.authorization) return this.challenge(request, false);
    if (this.auth.userOf(request) !== deviceId) return this.reply(request, 403, 'Forbidden');
    const verdict = this.auth.verify(request, await this.listener.passwordOf(deviceId));
    if (verdict === 'stale' || verdict === 'missing') return this.challenge(request, verdict === 'stale');
    if (verdict === 'wrong') return this.reply(request, 403, 'Forbidden');

    const expires = this.expiresOf(request);
    const headers = { date: gbDateTime(new Date()), expires: String(expires), contact: request.headers.contact };
    if (expires === 0) {
      this.reply(request, 200, 'OK', headers);
      this.forget(deviceId, '设备注销');
      this.listener.unregistered?.(deviceId);
      return;
    }
    const now = Date.now();
    const previous = this.devices.get(deviceId);
    const transport = remote.protocol.toUpperCase() === 'TCP' ? 'TCP' : 'UDP';
    const state: DeviceState = {
      deviceId,
      transport,
      host: remote.address,
      port: remote.port,
      flow: remote,
      expires,
      registeredAt: new Date(now),
      expiresAt: now + expires * 1000,
      lastKeepaliveAt: now,
      online: true,
      registrationCallId: request.headers['call-id'] ?? '',
    };
    this.devices.set(deviceId, state);
    this.reply(request, 200, 'OK', headers);
    const firstTime = !previous?.online;
    this.listener.registered?.(state, firstTime);
    if (firstTime) this.listener.online?.(deviceId, true, '设备注册');
    // A device that restarted within its registration (new Call-ID) may come back with other
    // channels, so its catalog is asked for again; a mere refresh asks for nothing.
    if (firstTime || previous.registrationCallId !== state.registrationCallId) {
      // As common platforms do: learn what the device has as soon as it is known.
      this.queryCatalog(deviceId)
        .then((items) => this.listener.catalog?.(deviceId, items))
        .catch((error) => console.error(`[gb28181] catalog of ${deviceId}:`, error));
    }
  }

  private async onMessage(request: SipMessage): Promise<void> {
    const message = parseManscdp(request.content ?? '');
    if (!message) return this.reply(request, 400, 'Bad Request');
    const deviceId = this.deviceIdOf(request) || message.deviceId;
    const device = this.devices.get(deviceId);
    // An unknown device is told so: it registers again.
    if (!device) return this.reply(request, 404, 'Not Found');
    this.reply(request, 200, 'OK');

    if (message.root === 'Notify') {
      if (message.cmdType === 'Keepalive') return this.onKeepalive(device);
      if (message.cmdType === 'Alarm') return this.onAlarm(deviceId, message);
      if (message.cmdType === 'MediaStatus' && textOf(message.body.NotifyType) === '121') {
        const callId = [...this.dialogs.values()].find((d) => d.target.deviceId === deviceId)?.callId;
        if (callId) {
          void this.bye(callId);
          this.listener.dialogEnded?.(callId, '回放结束');
        }
      }
      return;
    }
    if (message.root === 'Response') this.collect(deviceId, message);
  }

  private onKeepalive(device: DeviceState): void {
    device.lastKeepaliveAt = Date.now();
    this.listener.keepalive?.(device.deviceId, new Date(device.lastKeepaliveAt));
    if (!device.online) {
      device.online = true;
      this.listener.online?.(device.deviceId, true, '心跳恢复');
    }
  }

  private onAlarm(deviceId: string, message: ManscdpMessage): void {
    const body = message.body;
    const info = childOf(body.Info);
    const number = (v: string) => (Number.isFinite(Number.parseFloat(v)) ? Number.parseFloat(v) : null);
    this.listener.alarm?.(deviceId, {
      channelId: message.deviceId || deviceId,
      priority: textOf(body.AlarmPriority),
      method: textOf(body.AlarmMethod),
      type: textOf(info?.AlarmType) || textOf(body.AlarmType),
      at: parseGbDateTime(textOf(body.AlarmTime)) ?? new Date(),
      description: textOf(body.AlarmDescription),
      lng: number(textOf(body.Longitude)),
      lat: number(textOf(body.Latitude)),
      body,
    });
  }

  private onBye(request: SipMessage): void {
    const callId = request.headers['call-id'] ?? '';
    this.reply(request, 200, 'OK');
    if (this.dialogs.delete(callId)) this.listener.dialogEnded?.(callId, '设备结束推流');
  }

  private forget(deviceId: string, reason: string): void {
    const state = this.devices.get(deviceId);
    this.devices.delete(deviceId);
    if (state?.online) this.listener.online?.(deviceId, false, reason);
  }

  private checkLiveness(now = Date.now()): void {
    const allowance = this.config.keepaliveSeconds * 1000 * this.config.missedKeepalives;
    for (const device of this.devices.values()) {
      if (now > device.expiresAt) {
        this.forget(device.deviceId, '注册过期');
        continue;
      }
      if (device.online && now - device.lastKeepaliveAt > allowance) {
        device.online = false;
        this.listener.online?.(device.deviceId, false, `连续${this.config.missedKeepalives}次未收到心跳`);
      }
    }
  }

  // ── outgoing ─────────────────────────────────────────────────────────────

  private requireDevice(deviceId: string): DeviceState {
    const device = this.devices.get(deviceId);
    if (!device) throw new PlatformError('设备未注册');
    if (!device.online) throw new PlatformError('设备离线');
    return device;
  }

  /**
   * Requests to a device travel over the flow it registered on (its address as we saw
   * it, and its TCP connection), not to whatever its Contact claims; this also keeps the
   * stack from mistaking a device on our own address for ourselves.
   */
  private routeOf(device: DeviceState) {
    const endpoint = this.endpoint;
    if (!endpoint) throw new PlatformError('SIP 服务未启动');
    return endpoint.stack.encodeFlowUri(device.flow);
  }

  private send(message: SipMessage): Promise<SipMessage> {
    const endpoint = this.endpoint;
    if (!endpoint) return Promise.reject(new PlatformError('SIP 服务未启动'));
    return new Promise((resolve) => {
      endpoint.stack.send(message, (response) => {
        if ((response.status ?? 0) >= 200) resolve(response);
      });
    });
  }

  private async sendManscdp(
    device: DeviceState,
    root: string,
    fields: Record<string, string | number | Record<string, string | number>>,
  ) {
    const response = await this.send(
      buildRequest({
        method: 'MESSAGE',
        target: device,
        route: this.routeOf(device),
        fromId: this.config.sipId,
        domain: this.config.domain,
        cseq: this.cseq++,
        contentType: MANSCDP,
        content: encodeManscdp(root, fields),
      }),
    );
    if ((response.status ?? 0) >= 300) throw new PlatformError(`设备拒绝请求（${response.status}）`);
  }

  /**
   * Sends a query and gathers its responses: list answers come in several MESSAGEs
   * (each with SumNum and part of the list) until SumNum items have arrived.
   */
  private async query(
    deviceId: string,
    cmdType: string,
    listName: string | null,
    extra: Record<string, string | number> = {},
    target = deviceId,
  ): Promise<{ items: XmlObject[]; response: ManscdpMessage | null }> {
    const device = this.requireDevice(deviceId);
    const sn = this.sn++;
    const key = `${deviceId}|${cmdType}|${sn}`;
    const result = new Promise<{ items: XmlObject[]; response: ManscdpMessage | null }>((resolve) => {
      const timer = setTimeout(() => {
        const pending = this.queries.get(key);
        this.queries.delete(key);
        resolve({ items: pending?.items ?? [], response: pending?.last ?? null });
      }, this.config.queryTimeoutMs ?? 30_000);
      timer.unref();
      this.queries.set(key, { items: [], sumNum: null, listName: listName ?? '', resolve, timer, last: null });
    });
    const pending = this.queries.get(key);
    try {
      await this.sendManscdp(device, 'Query', { CmdType: cmdType, SN: sn, DeviceID: target, ...extra });
    } catch (error) {
      if (pending) clearTimeout(pending.timer);
      this.queries.delete(key);
      throw error;
    }
    return result;
  }

  private collect(deviceId: string, message: ManscdpMessage): void {
    const exact = `${deviceId}|${message.cmdType}|${message.sn}`;
    // Some devices do not echo the SN: then the oldest open query of that kind takes it.
    const key = this.queries.has(exact)
      ? exact
      : [...this.queries.keys()].find((k) => k.startsWith(`${deviceId}|${message.cmdType}|`));
    const pending = key ? this.queries.get(key) : undefined;
    if (!key || !pending) return;
    pending.last = message;
    if (!pending.listName) {
      this.finish(key, pending);
      return;
    }
    const sumNum = Number.parseInt(textOf(message.body.SumNum), 10);
    pending.sumNum = Number.isFinite(sumNum) ? sumNum : 0;
    pending.items.push(...itemsOf(message.body[pending.listName]));
    if (pending.items.length >= pending.sumNum) this.finish(key, pending);
  }

  private finish(key: string, pending: PendingQuery): void {
    clearTimeout(pending.timer);
    this.queries.delete(key);
    pending.resolve({ items: pending.items, response: pending.last });
  }

  async queryCatalog(deviceId: string): Promise<CatalogItem[]> {
    const { items } = await this.query(deviceId, 'Catalog', 'DeviceList');
    return catalogItemsOf({ Item: items });
  }

  async queryDeviceInfo(deviceId: string): Promise<Record<string, string>> {
    const { response } = await this.query(deviceId, 'DeviceInfo', null);
    if (!response) throw new PlatformError('设备未应答');
    const info: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.body)) if (typeof value === 'string') info[name] = value;
    return info;
  }

  async queryRecords(deviceId: string, channelId: string, start: Date, end: Date): Promise<RecordItem[]> {
    const { items } = await this.query(
      deviceId,
      'RecordInfo',
      'RecordList',
      { StartTime: gbDateTime(start, false), EndTime: gbDateTime(end, false), Secrecy: 0, Type: 'all' },
      channelId,
    );
    return items.flatMap((item) => {
      const startTime = parseGbDateTime(textOf(item.StartTime));
      const endTime = parseGbDateTime(textOf(item.EndTime));
      if (!startTime || !endTime) return [];
      return [
        {
          channelId: textOf(item.DeviceID) || channelId,
          name: textOf(item.Name),
          startTime,
          endTime,
          type: textOf(item.Type),
        },
      ];
    });
  }

  /** DeviceControl with a PTZCmd (8-byte hex, see packages/domain/src/video/ptz-command.ts). */
  async controlPtz(deviceId: string, channelId: string, ptzCmd: string): Promise<void> {
    const device = this.requireDevice(deviceId);
    await this.sendManscdp(device, 'Control', {
      CmdType: 'DeviceControl',
      SN: this.sn++,
      DeviceID: channelId,
      PTZCmd: ptzCmd,
      Info: { ControlPriority: 5 },
    });
  }

  /**
   * INVITE for live (s=Play) or playback (s=Playback): sends the offer, ACKs the 200 and
   * keeps the dialog until `bye`. Resolves with the device's answer.
   */
  async invite(deviceId: string, offer: MediaOffer): Promise<MediaDialog> {
    const device = this.requireDevice(deviceId);
    const fromTag = newTag();
    const callId = randomUUID();
    const cseq = this.cseq++;
    const request = buildRequest({
      method: 'INVITE',
      target: device,
      route: this.routeOf(device),
      user: offer.channelId,
      fromId: this.config.sipId,
      domain: this.config.domain,
      cseq,
      callId,
      fromTag,
      contentType: 'APPLICATION/SDP',
      content: buildOffer(offer),
      headers: {
        subject: `${offer.channelId}:${offer.ssrc},${this.config.sipId}:0`,
      },
    });
    request.headers.contact = [
      { uri: `sip:${this.config.sipId}@${this.config.publicAddress}:${this.port}`, params: {} },
    ];
    const response = await this.send(request);
    const status = response.status ?? 0;
    if (status >= 300) throw new PlatformError(`设备拒绝点播（${status} ${response.reason ?? ''}）`);
    const answer = parseSdp(Buffer.from(response.content ?? '', 'latin1').toString('utf8'));
    const toTag = String(response.headers.to?.params.tag ?? '');
    const contact = Array.isArray(response.headers.contact) ? response.headers.contact[0] : undefined;
    const remoteUri = contact ? sip.stringifyUri(contact.uri) : String(request.uri);
    const dialog: Dialog = { callId, target: device, channelId: offer.channelId, fromTag, toTag, remoteUri, cseq };
    this.sendInDialog(dialog, 'ACK', cseq);
    if (!answer) {
      this.dialogs.set(callId, dialog);
      void this.bye(callId);
      throw new PlatformError('设备应答缺少媒体描述');
    }
    this.dialogs.set(callId, dialog);
    return { callId, deviceId, channelId: offer.channelId, answer };
  }

  private sendInDialog(dialog: Dialog, method: 'ACK' | 'BYE', seq: number): Promise<SipMessage> | undefined {
    const message: SipMessage = {
      method,
      uri: dialog.remoteUri,
      version: '2.0',
      headers: {
        via: [],
        to: { uri: `sip:${dialog.channelId}@${this.config.domain}`, params: { tag: dialog.toTag } },
        from: { uri: `sip:${this.config.sipId}@${this.config.domain}`, params: { tag: dialog.fromTag } },
        'call-id': dialog.callId,
        cseq: { seq, method },
        'max-forwards': '70',
        route: [{ uri: this.routeOf(dialog.target), params: {} }],
      },
      content: '',
    };
    if (method === 'ACK') {
      this.endpoint?.stack.send(message);
      return undefined;
    }
    return this.send(message);
  }

  /** Ends a media dialog (nobody watches, RTP timed out, or the user stopped it). */
  async bye(callId: string): Promise<number | null> {
    const dialog = this.dialogs.get(callId);
    if (!dialog) return null;
    this.dialogs.delete(callId);
    dialog.cseq += 1;
    try {
      const response = await this.sendInDialog(dialog, 'BYE', dialog.cseq);
      return response?.status ?? null;
    } catch (error) {
      console.error('[gb28181] BYE failed:', error);
      return null;
    }
  }
}
