/// <reference path="./sip-types.d.ts" />
import { timingSafeEqual } from 'node:crypto';
import type { SipMessage } from 'sip';
import * as digest from 'sip/digest.js';

/**
 * Digest authentication of REGISTER (RFC 2617 MD5, as GB/T 28181 devices do it: user =
 * the device's 20-digit id, realm = the SIP domain). Nonces are the stack's stateless
 * ones (a timestamp with an HMAC), so nothing is stored between the 401 and the retry
 * and a nonce older than `nonceTtlMs` gets a fresh challenge marked stale.
 */
export type AuthVerdict = 'ok' | 'missing' | 'stale' | 'wrong';

const NONCE_TTL_MS = 5 * 60_000;

function unquote(value: string | undefined): string {
  if (!value) return '';
  return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase());
  const right = Buffer.from(b.toLowerCase());
  return left.length === right.length && timingSafeEqual(left, right);
}

export class RegisterAuth {
  constructor(
    private readonly realm: string,
    private readonly nonceTtlMs = NONCE_TTL_MS,
  ) {}

  /** Adds a WWW-Authenticate challenge (qop=auth, MD5) to a 401. */
  challenge(response: SipMessage, stale = false): SipMessage {
    const header: Record<string, string> = {
      scheme: 'Digest',
      realm: `"${this.realm}"`,
      nonce: `"${digest.generateNonce(this.realm)}"`,
      qop: '"auth"',
      algorithm: 'MD5',
    };
    if (stale) header.stale = 'true';
    response.headers['www-authenticate'] = [header];
    return response;
  }

  /** The user name the request's Authorization names (the device id), if any. */
  userOf(request: SipMessage): string | null {
    const header = request.headers.authorization?.find((h) => h.scheme?.toLowerCase() === 'digest');
    return header ? unquote(header.username) : null;
  }

  /** Checks the Authorization of a request against the device's password. */
  verify(request: SipMessage, password: string, now = new Date()): AuthVerdict {
    const header = request.headers.authorization?.find((h) => h.scheme?.toLowerCase() === 'digest');
    if (!header) return 'missing';
    const nonce = unquote(header.nonce);
    const issued = digest.extractNonceTimestamp(nonce, this.realm);
    if (!issued) return 'wrong';
    if (now.getTime() - issued.getTime() > this.nonceTtlMs) return 'stale';
    const user = unquote(header.username);
    const realm = unquote(header.realm) || this.realm;
    const qop = unquote(header.qop).toLowerCase() || undefined;
    const expected = digest.calculateDigest({
      ha1: digest.calculateUserRealmPasswordHash(user, realm, password),
      method: request.method ?? '',
      nonce,
      nc: qop ? unquote(header.nc) : undefined,
      cnonce: qop ? unquote(header.cnonce) : undefined,
      qop,
      uri: unquote(header.uri),
    });
    return sameText(expected, unquote(header.response)) ? 'ok' : 'wrong';
  }
}
