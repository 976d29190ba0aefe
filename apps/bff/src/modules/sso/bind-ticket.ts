import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ZzdIdentity } from '../../adapters/zzd/mapper';

/**
 * A short-lived, signed note that 浙政钉 vouched for an identity nobody is bound to yet:
 * the browser carries it from the scan (or H5) sign-in to the binding form, where the
 * person signs in once with our password. Signed with a key derived from the app secret,
 * so every BFF process accepts it and nobody can forge one; it holds no secret itself.
 */
const ZTicket = z.object({
  accountId: z.string(),
  employeeCode: z.string().nullable(),
  name: z.string(),
  exp: z.number(),
});

const TICKET_MS = 10 * 60_000;

function mac(secret: string, payload: string): string {
  return createHmac('sha256', `citygov-zzd-bind:${secret}`).update(payload).digest('base64url');
}

export function createBindTicket(secret: string, identity: ZzdIdentity, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...identity, exp: now + TICKET_MS })).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The identity in a ticket, or null when it is forged, damaged or expired. */
export function readBindTicket(secret: string, ticket: string, now = Date.now()): ZzdIdentity | null {
  const [payload, signature, extra] = ticket.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = ZTicket.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (parsed.exp < now) return null;
    return { accountId: parsed.accountId, employeeCode: parsed.employeeCode, name: parsed.name };
  } catch {
    return null;
  }
}
