import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@citygov/db/client';
import { citizenSessions } from '@citygov/db/schema/sso';
import { and, eq, gt, lte } from 'drizzle-orm';
import { type ZlbConfig, zlbUserByTicket } from '../../adapters/zlb/client';
import { citizenOf } from '../../adapters/zlb/mapper';

export const CITIZEN_COOKIE = 'citygov_citizen';
export const CITIZEN_SESSION_MS = 4 * 3_600_000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** 浙里办 ticket → the citizen → a citizen sign-in (token for the cookie). */
export async function signInCitizenWithZlb(db: Database, zlb: ZlbConfig, ticket: string): Promise<string> {
  const citizen = citizenOf(await zlbUserByTicket(zlb, ticket));
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.delete(citizenSessions).where(lte(citizenSessions.expiresAt, now));
  await db.insert(citizenSessions).values({
    id: hash(token),
    provider: 'zlb',
    externalUserId: citizen.externalUserId,
    name: citizen.name,
    phone: citizen.phone,
    expiresAt: new Date(now.getTime() + CITIZEN_SESSION_MS),
  });
  return token;
}

/** The signed-in citizen (name and phone for prefill), or null. */
export async function citizenOfToken(db: Database, token: string | undefined) {
  if (!token) return null;
  const [row] = await db
    .select({ name: citizenSessions.name, phone: citizenSessions.phone, provider: citizenSessions.provider })
    .from(citizenSessions)
    .where(and(eq(citizenSessions.id, hash(token)), gt(citizenSessions.expiresAt, new Date())));
  return row ?? null;
}

export async function endCitizenSession(db: Database, token: string | undefined): Promise<void> {
  if (token) await db.delete(citizenSessions).where(eq(citizenSessions.id, hash(token)));
}
