import { createHash, randomBytes } from 'node:crypto';
import type { Database, Queryable } from '@citygov/db/client';
import {
  collectionOwnerCodes,
  collectionOwnerSessions,
  collectionRecords,
  collectionTypes,
} from '@citygov/db/schema/collection';
import { areas } from '@citygov/db/schema/org';
import { initialStatus } from '@citygov/domain/collection/forms';
import { DomainError, NotFoundError, ValidationError } from '@citygov/domain/errors';
import { and, desc, eq, gt, isNull, lte, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppConfig } from '../../env';
import { loginCodeHash, sendLoginCode } from '../sms/api';
import type { ZOwnerUpdateInput } from './collection-schemas';
import { requireValidValues } from './records';
import { fieldsOfVersions, requireType } from './types';

/** The owner's sign-in cookie on /collect/me. */
export const OWNER_COOKIE = 'citygov_collect_owner';
export const OWNER_SESSION_MS = 2 * 3_600_000;
const CODE_MS = 5 * 60_000;
const MAX_TRIES = 5;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Step 1: a 6-digit code to a phone that owns a live record, through the SMS gateway and
 * its per-number limit (the staff 短信登录's path). The same answer for any number.
 */
export async function requestOwnerCode(
  db: Database,
  config: Pick<AppConfig, 'sms' | 'smsRateLimit'>,
  phone: string,
): Promise<{ sent: true; expiresInSeconds: number }> {
  if (!config.sms) throw new DomainError('validation', '未启用短信验证码', { code: 'SSO_DISABLED' });
  const [owned] = await db
    .select({ id: collectionRecords.id })
    .from(collectionRecords)
    .where(and(eq(collectionRecords.ownerPhone, phone), ne(collectionRecords.status, 'deregistered')))
    .limit(1);
  if (owned) {
    const { codeHash } = await sendLoginCode(db, config, phone);
    await db.insert(collectionOwnerCodes).values({ phone, codeHash, expiresAt: new Date(Date.now() + CODE_MS) });
  }
  return { sent: true, expiresInSeconds: CODE_MS / 1000 };
}

/** Step 2: the newest live code of the number, five tries, used once → a session token for the cookie. */
export async function signInOwner(db: Queryable, phone: string, code: string): Promise<string> {
  const now = new Date();
  const [row] = await db
    .select()
    .from(collectionOwnerCodes)
    .where(
      and(
        eq(collectionOwnerCodes.phone, phone),
        isNull(collectionOwnerCodes.usedAt),
        gt(collectionOwnerCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(collectionOwnerCodes.createdAt))
    .limit(1);
  const refused = () =>
    new DomainError('validation', '验证码错误或已过期', { code: 'SMS_CODE_INVALID', field: 'code' });
  if (!row || row.attempts >= MAX_TRIES) throw refused();
  if (row.codeHash !== loginCodeHash(phone, code)) {
    // The procedure runs without a transaction (it logs itself), so the wrong try stays counted.
    await db
      .update(collectionOwnerCodes)
      .set({ attempts: sql`${collectionOwnerCodes.attempts} + 1` })
      .where(eq(collectionOwnerCodes.id, row.id));
    throw refused();
  }
  await db.update(collectionOwnerCodes).set({ usedAt: now }).where(eq(collectionOwnerCodes.id, row.id));
  await db.delete(collectionOwnerSessions).where(lte(collectionOwnerSessions.expiresAt, now));
  const token = randomBytes(32).toString('base64url');
  await db
    .insert(collectionOwnerSessions)
    .values({ id: hash(token), phone, expiresAt: new Date(now.getTime() + OWNER_SESSION_MS) });
  return token;
}

/** The signed-in owner's phone, or null. */
export async function ownerPhoneOf(db: Queryable, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const [row] = await db
    .select({ phone: collectionOwnerSessions.phone })
    .from(collectionOwnerSessions)
    .where(and(eq(collectionOwnerSessions.id, hash(token)), gt(collectionOwnerSessions.expiresAt, new Date())));
  return row?.phone ?? null;
}

/** Not a 401: the page is public, the owner's sign-in is its own (the staff session is not asked for). */
async function requireOwner(db: Queryable, token: string | undefined): Promise<string> {
  const phone = await ownerPhoneOf(db, token);
  if (!phone) throw new ValidationError('登录已过期，请重新用手机号和验证码登录');
  return phone;
}

/** The owner's own records, in full (they are theirs); none before signing in. */
export async function ownRecords(db: Queryable, token: string | undefined) {
  const phone = await ownerPhoneOf(db, token);
  if (!phone) return { phone: null, records: [] };
  const rows = await db
    .select({
      record: collectionRecords,
      typeName: collectionTypes.name,
      areaName: areas.name,
    })
    .from(collectionRecords)
    .innerJoin(collectionTypes, eq(collectionTypes.code, collectionRecords.typeCode))
    .innerJoin(areas, eq(areas.id, collectionRecords.areaId))
    .where(eq(collectionRecords.ownerPhone, phone))
    .orderBy(desc(collectionRecords.id));
  // Each record with the form version it was made with.
  const fieldsOf = await fieldsOfVersions(
    db,
    rows.map((r) => r.record),
  );
  return {
    phone,
    records: rows.map((r) => ({
      id: r.record.id,
      typeName: r.typeName,
      fields: fieldsOf(r.record.typeCode, r.record.formVersion),
      areaName: r.areaName,
      name: r.record.name,
      address: r.record.address,
      values: r.record.values,
      status: r.record.status,
      reviewNote: r.record.reviewNote,
    })),
  };
}

/** The owner edits their record; a type that needs review sends it back to 待审核. */
export async function updateOwnRecord(
  db: Queryable,
  token: string | undefined,
  input: z.infer<typeof ZOwnerUpdateInput>,
) {
  const phone = await requireOwner(db, token);
  const [record] = await db
    .select()
    .from(collectionRecords)
    .where(and(eq(collectionRecords.id, input.id), eq(collectionRecords.ownerPhone, phone)));
  if (!record) throw new NotFoundError('采集记录不存在');
  if (record.status === 'deregistered' || record.status === 'deregister_pending') {
    throw new DomainError('conflict', '已注销或正在注销的记录不能修改');
  }
  const type = await requireType(db, record.typeCode);
  const fields = (await fieldsOfVersions(db, [record]))(record.typeCode, record.formVersion);
  const values = requireValidValues(fields, input.data.values);
  const [updated] = await db
    .update(collectionRecords)
    .set({ ...input.data, values, status: initialStatus(type.reviewRequired), updatedAt: new Date() })
    .where(eq(collectionRecords.id, record.id))
    .returning({ id: collectionRecords.id, status: collectionRecords.status });
  return updated;
}
