import type { Queryable } from '@citygov/db/client';
import { externalAccounts } from '@citygov/db/schema/sso';
import { and, eq, inArray } from 'drizzle-orm';
import type { ZzdIdentity } from '../../adapters/zzd/mapper';

/** The user a 浙政钉 identity is bound to: by account id, else by employee code (工号). */
export async function boundUserOf(db: Queryable, identity: ZzdIdentity): Promise<number | null> {
  const [byId] = await db
    .select({ userId: externalAccounts.userId })
    .from(externalAccounts)
    .where(and(eq(externalAccounts.provider, 'zzd'), eq(externalAccounts.accountId, identity.accountId)));
  if (byId) return byId.userId;
  if (!identity.employeeCode) return null;
  const byCode = await db
    .select({ id: externalAccounts.id, userId: externalAccounts.userId })
    .from(externalAccounts)
    .where(and(eq(externalAccounts.provider, 'zzd'), eq(externalAccounts.employeeCode, identity.employeeCode)));
  // Only an unambiguous employee code counts; the row learns the account id for next time.
  if (byCode.length !== 1 || !byCode[0]) return null;
  await db.update(externalAccounts).set({ accountId: identity.accountId }).where(eq(externalAccounts.id, byCode[0].id));
  return byCode[0].userId;
}

/** The 浙政钉 account ids of users (those bound), for work notifications. */
export async function zzdAccountIdsOf(db: Queryable, userIds: readonly number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: externalAccounts.userId, accountId: externalAccounts.accountId })
    .from(externalAccounts)
    .where(and(eq(externalAccounts.provider, 'zzd'), inArray(externalAccounts.userId, [...userIds])));
  return new Map(rows.map((r) => [r.userId, r.accountId]));
}
