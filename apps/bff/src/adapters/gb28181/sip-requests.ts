/// <reference path="./sip-types.d.ts" />
import { randomBytes, randomUUID } from 'node:crypto';
import type { SipMessage, SipUri } from 'sip';

/** Where a registered device is reached: its address as we saw it and the transport it used. */
export interface DeviceTarget {
  deviceId: string;
  transport: 'UDP' | 'TCP';
  host: string;
  port: number;
}

export function targetUri(target: DeviceTarget, user = target.deviceId): string {
  return `sip:${user}@${target.host}:${target.port}${target.transport === 'TCP' ? ';transport=tcp' : ''}`;
}

export function newTag(): string {
  return randomBytes(6).toString('hex');
}

export interface RequestParts {
  method: string;
  target: DeviceTarget;
  /** The flow URI of the device's own connection (see `Gb28181Platform.routeOf`). */
  route?: SipUri;
  /** The request URI's user part (the channel for INVITE and controls, else the device). */
  user?: string;
  fromId: string;
  domain: string;
  cseq: number;
  callId?: string;
  fromTag?: string;
  toTag?: string;
  contentType?: string;
  content?: string;
  headers?: Record<string, string>;
}

/** An out-of-dialog request from the platform to a device (MESSAGE, INVITE, SUBSCRIBE…). */
export function buildRequest(parts: RequestParts): SipMessage {
  const user = parts.user ?? parts.target.deviceId;
  return {
    method: parts.method,
    uri: targetUri(parts.target, user),
    version: '2.0',
    headers: {
      via: [],
      to: { uri: `sip:${user}@${parts.domain}`, params: parts.toTag ? { tag: parts.toTag } : {} },
      from: { uri: `sip:${parts.fromId}@${parts.domain}`, params: { tag: parts.fromTag ?? newTag() } },
      'call-id': parts.callId ?? randomUUID(),
      cseq: { seq: parts.cseq, method: parts.method },
      'max-forwards': '70',
      ...(parts.route ? { route: [{ uri: parts.route, params: {} }] } : {}),
      ...(parts.contentType ? { 'content-type': parts.contentType } : {}),
      ...parts.headers,
    },
    content: parts.content ?? '',
  };
}

/** The local time GB/T 28181 puts in Date headers and XML times: 2026-12-03T10:45:45.123. */
export function gbDateTime(date: Date, millis = true): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return millis ? `${base}.${pad(date.getMilliseconds(), 3)}` : base;
}

/** Reads a GB time (local, no zone) back; null when it is not one. */
export function parseGbDateTime(text: string): Date | null {
  const m = text.trim().match(/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})/);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, s);
  return Number.isNaN(date.getTime()) ? null : date;
}
