import type { Queryable } from '@citygov/db/client';
import { collectionRecords, collectionReveals } from '@citygov/db/schema/collection';
import { areas } from '@citygov/db/schema/org';
import {
  type CollectionStatus,
  checkValues,
  type FieldDef,
  initialStatus,
  maskedValues,
  maskValue,
} from '@citygov/domain/collection/forms';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@citygov/domain/errors';
import { maskPhone } from '@citygov/domain/personal-data';
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { coversAreaPath, requireAreaInScope, withinAreaScope } from '../org/api';
import type {
  ZCreateInput,
  ZDecideDeregisterInput,
  ZDeregisterInput,
  ZListInput,
  ZRevealInput,
  ZReviewInput,
  ZUpdateInput,
} from './collection-schemas';
import { fieldsOfVersions, requireType } from './types';

type RecordRow = typeof collectionRecords.$inferSelect;

/** Values checked against the type's form; the problems, in Chinese, as one validation error. */
export function requireValidValues(fields: readonly FieldDef[], values: Record<string, string>) {
  const checked = checkValues(fields, values);
  if (!checked.ok) throw new ValidationError(checked.problems.join('；'), { field: 'values' });
  return checked.values;
}

/** A record as lists show it: phone and masked fields masked. */
export function maskedRecord(record: RecordRow, fields: readonly FieldDef[]) {
  return {
    ...record,
    ownerPhone: maskPhone(record.ownerPhone),
    values: maskedValues(fields, record.values),
  };
}

/** A record in the caller's scope, or not found (another district's records are not revealed to exist). */
export async function requireRecordInScope(db: Queryable, user: SessionUser, id: number): Promise<RecordRow> {
  const [record] = await db.select().from(collectionRecords).where(eq(collectionRecords.id, id));
  if (!record || !coversAreaPath(user, record.areaPath)) throw new NotFoundError('采集记录不存在');
  return record;
}

/** 信息采集 list: filters, a page of masked rows, and counts by type and by street. */
export async function listRecords(db: Queryable, user: SessionUser, input: z.infer<typeof ZListInput>) {
  const scope = withinAreaScope(user, collectionRecords.areaPath);
  const conditions: SQL[] = [scope];
  if (input.typeCode) conditions.push(eq(collectionRecords.typeCode, input.typeCode));
  if (input.status) conditions.push(eq(collectionRecords.status, input.status));
  if (input.q) {
    const text = or(
      ilike(collectionRecords.name, `%${input.q}%`),
      ilike(collectionRecords.address, `%${input.q}%`),
    ) as SQL;
    conditions.push(text);
  }
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(collectionRecords).where(where);
  const rows = await db
    .select({ record: collectionRecords, areaName: areas.name })
    .from(collectionRecords)
    .innerJoin(areas, eq(areas.id, collectionRecords.areaId))
    .where(where)
    .orderBy(desc(collectionRecords.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);

  const grouped = await db
    .select({ typeCode: collectionRecords.typeCode, areaPath: collectionRecords.areaPath, n: count() })
    .from(collectionRecords)
    .where(and(scope, input.status ? eq(collectionRecords.status, input.status) : undefined))
    .groupBy(collectionRecords.typeCode, collectionRecords.areaPath);
  const byType: Record<string, number> = {};
  const byStreetId = new Map<number, number>();
  for (const g of grouped) {
    byType[g.typeCode] = (byType[g.typeCode] ?? 0) + g.n;
    if (input.typeCode && g.typeCode !== input.typeCode) continue;
    // '/city/district/street/…': the street is the third id of the path.
    const streetId = Number(g.areaPath.split('/').filter(Boolean)[2]);
    if (Number.isInteger(streetId)) byStreetId.set(streetId, (byStreetId.get(streetId) ?? 0) + g.n);
  }
  const streets =
    byStreetId.size > 0
      ? await db
          .select({ id: areas.id, name: areas.name })
          .from(areas)
          .where(inArray(areas.id, [...byStreetId.keys()]))
      : [];
  // Each record with the form version it was made with: its fields, masked as that version says.
  const fieldsOf = await fieldsOfVersions(
    db,
    rows.map((r) => r.record),
  );
  return {
    total: total?.n ?? 0,
    rows: rows.map((r) => {
      const fields = fieldsOf(r.record.typeCode, r.record.formVersion);
      return { ...maskedRecord(r.record, fields), fields, areaName: r.areaName };
    }),
    byType,
    byArea: streets
      .map((s) => ({ areaId: s.id, areaName: s.name, count: byStreetId.get(s.id) ?? 0 }))
      .sort((a, b) => b.count - a.count),
  };
}

export async function createRecord(db: Queryable, user: SessionUser, input: z.infer<typeof ZCreateInput>) {
  const type = await requireType(db, input.typeCode);
  const area = await requireAreaInScope(db, user, input.areaId);
  const values = requireValidValues(type.fields, input.values);
  const [record] = await db
    .insert(collectionRecords)
    .values({
      typeCode: type.code,
      areaId: area.id,
      areaPath: area.path,
      name: input.name,
      address: input.address,
      lng: input.lng,
      lat: input.lat,
      ownerPhone: input.ownerPhone,
      values,
      status: initialStatus(type.reviewRequired),
      source: 'desk',
      createdBy: user.id,
      formVersion: type.formVersion,
    })
    .returning();
  if (!record) throw new ConflictError('保存失败，请重试');
  return maskedRecord(record, type.fields);
}

export async function updateRecord(db: Queryable, user: SessionUser, input: z.infer<typeof ZUpdateInput>) {
  const record = await requireRecordInScope(db, user, input.id);
  if (record.status === 'deregistered') throw new ConflictError('已注销的记录不能修改');
  // Checked against the form version the record was made with: a later form change does not touch it.
  const fields = (await fieldsOfVersions(db, [record]))(record.typeCode, record.formVersion);
  // A masked value sent back unchanged keeps the stored one; the editor never saw it in full.
  const sent = { ...input.data.values };
  for (const field of fields) {
    const stored = record.values[field.key];
    if (field.masked && stored && sent[field.key] === maskValue(field, stored)) sent[field.key] = stored;
  }
  let ownerPhone = input.data.ownerPhone;
  if (ownerPhone?.includes('*')) {
    if (ownerPhone !== maskPhone(record.ownerPhone)) {
      throw new ValidationError('请输入正确的手机号码', { field: 'data.ownerPhone' });
    }
    ownerPhone = record.ownerPhone;
  }
  const values = requireValidValues(fields, sent);
  const [updated] = await db
    .update(collectionRecords)
    .set({ ...input.data, ownerPhone, values, updatedAt: new Date() })
    .where(eq(collectionRecords.id, record.id))
    .returning();
  if (!updated) throw new NotFoundError('采集记录不存在');
  return maskedRecord(updated, fields);
}

/** Moves a record from one state to another, or tells that someone else moved it first. */
async function moveStatus(
  db: Queryable,
  id: number,
  from: CollectionStatus,
  set: Partial<typeof collectionRecords.$inferInsert> & { status: CollectionStatus },
) {
  const [moved] = await db
    .update(collectionRecords)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(collectionRecords.id, id), eq(collectionRecords.status, from)))
    .returning();
  if (!moved) throw new ConflictError('记录状态已变化，请刷新后重试');
  return moved;
}

/** 审核: 通过 or 驳回 (with a reason) a pending record. */
export async function reviewRecord(db: Queryable, user: SessionUser, input: z.infer<typeof ZReviewInput>) {
  const record = await requireRecordInScope(db, user, input.id);
  if (record.status !== 'pending') throw new ConflictError('只有待审核的记录可以审核');
  const moved = await moveStatus(db, record.id, 'pending', {
    status: input.verdict === 'approve' ? 'approved' : 'rejected',
    reviewNote: input.note || null,
    reviewedBy: user.id,
  });
  return { id: moved.id, status: moved.status };
}

/** 注销 request: an approved (or rejected) record waits for a reviewer's approval. */
export async function requestDeregister(db: Queryable, user: SessionUser, input: z.infer<typeof ZDeregisterInput>) {
  const record = await requireRecordInScope(db, user, input.id);
  if (record.status !== 'approved' && record.status !== 'rejected' && record.status !== 'pending') {
    throw new ConflictError('该记录已注销或正在等待注销审批');
  }
  const moved = await moveStatus(db, record.id, record.status, {
    status: 'deregister_pending',
    deregisterReason: input.reason,
  });
  return { id: moved.id, status: moved.status };
}

/** 注销审批: approved → 已注销; refused → back to 已通过. */
export async function decideDeregister(
  db: Queryable,
  user: SessionUser,
  input: z.infer<typeof ZDecideDeregisterInput>,
) {
  const record = await requireRecordInScope(db, user, input.id);
  if (record.status !== 'deregister_pending') throw new ConflictError('该记录没有待审批的注销申请');
  const moved = await moveStatus(db, record.id, 'deregister_pending', {
    status: input.approve ? 'deregistered' : 'approved',
    reviewedBy: user.id,
  });
  return { id: moved.id, status: moved.status };
}

/**
 * 显示完整: one masked value of a record in full. The view is written to the reveal log
 * here and to the audit log by the audited transaction around the procedure.
 */
export async function revealValue(db: Queryable, user: SessionUser, input: z.infer<typeof ZRevealInput>) {
  const record = await requireRecordInScope(db, user, input.id);
  let value: string | null;
  if (input.field === 'ownerPhone') {
    value = record.ownerPhone;
  } else {
    const fields = (await fieldsOfVersions(db, [record]))(record.typeCode, record.formVersion);
    const field = fields.find((f) => f.key === input.field);
    if (!field) throw new NotFoundError('字段不存在');
    if (!field.masked) throw new ForbiddenError('该字段不需要单独查看');
    value = record.values[field.key] ?? null;
  }
  await db.insert(collectionReveals).values({ recordId: record.id, fieldKey: input.field, viewerId: user.id });
  return { id: record.id, field: input.field, value };
}
