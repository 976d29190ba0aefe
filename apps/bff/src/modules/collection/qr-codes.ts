import { randomBytes } from 'node:crypto';
import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { collectionQrTokens, collectionRecords, collectionTypes } from '@citygov/db/schema/collection';
import { areas } from '@citygov/db/schema/org';
import { initialStatus } from '@citygov/domain/collection/forms';
import { ConflictError, DomainError, NotFoundError } from '@citygov/domain/errors';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { findGridAt } from '../geo/api';
import { requireAreaInScope, withinAreaScope } from '../org/api';
import type { ZCreateQrInput, ZPublicPlaceInput, ZPublicRegisterInput, ZSetQrActiveInput } from './collection-schemas';
import { chargeMiss } from './public-limits';
import { requireValidValues } from './records';
import { requireType } from './types';

export const collectPath = (token: string) => `/collect/${token}`;

/** A QR token for a collector (the caller) or a place; the page it opens is /collect/<token>. */
export async function createQrToken(db: Queryable, user: SessionUser, input: z.infer<typeof ZCreateQrInput>) {
  const type = await requireType(db, input.typeCode);
  const area = await requireAreaInScope(db, user, input.areaId);
  const token = randomBytes(18).toString('base64url');
  const [row] = await db
    .insert(collectionQrTokens)
    .values({
      token,
      typeCode: type.code,
      areaId: area.id,
      areaPath: area.path,
      label: input.label,
      collectorId: input.perCollector ? user.id : null,
      createdBy: user.id,
    })
    .returning();
  if (!row) throw new ConflictError('生成失败，请重试');
  return { id: row.id, token, url: collectPath(token) };
}

/**
 * 二维码 in the caller's scope, switched off ones included: whom or which place each is for,
 * its type, when it was made, how many registrations came through it, and its state.
 */
export async function listQrTokens(db: Queryable, user: SessionUser) {
  const registrations = db
    .select({ qrTokenId: collectionRecords.qrTokenId, count: sql<number>`count(*)::int`.as('count') })
    .from(collectionRecords)
    .where(isNotNull(collectionRecords.qrTokenId))
    .groupBy(collectionRecords.qrTokenId)
    .as('registrations');
  const collector = alias(users, 'collector');
  const rows = await db
    .select({
      id: collectionQrTokens.id,
      token: collectionQrTokens.token,
      typeCode: collectionQrTokens.typeCode,
      typeName: collectionTypes.name,
      label: collectionQrTokens.label,
      areaName: areas.name,
      collectorName: collector.displayName,
      active: collectionQrTokens.active,
      registrations: sql<number>`coalesce(${registrations.count}, 0)::int`,
      createdAt: collectionQrTokens.createdAt,
    })
    .from(collectionQrTokens)
    .innerJoin(areas, eq(areas.id, collectionQrTokens.areaId))
    .innerJoin(collectionTypes, eq(collectionTypes.code, collectionQrTokens.typeCode))
    .leftJoin(collector, eq(collector.id, collectionQrTokens.collectorId))
    .leftJoin(registrations, eq(registrations.qrTokenId, collectionQrTokens.id))
    .where(withinAreaScope(user, collectionQrTokens.areaPath))
    .orderBy(desc(collectionQrTokens.id))
    .limit(200);
  return rows.map((r) => ({ ...r, perCollector: r.collectorName !== null, url: collectPath(r.token) }));
}

/**
 * 停用 / 重新启用 a code in the caller's scope. A conditional update, so switching a code
 * to the state it is already in is refused (someone else did it first) rather than logged twice.
 */
export async function setQrTokenActive(db: Queryable, user: SessionUser, input: z.infer<typeof ZSetQrActiveInput>) {
  const [row] = await db
    .select({ id: collectionQrTokens.id })
    .from(collectionQrTokens)
    .where(and(eq(collectionQrTokens.id, input.id), withinAreaScope(user, collectionQrTokens.areaPath)));
  if (!row) throw new NotFoundError('二维码不存在或无权操作');
  const [changed] = await db
    .update(collectionQrTokens)
    .set({ active: input.active })
    .where(and(eq(collectionQrTokens.id, row.id), eq(collectionQrTokens.active, !input.active)))
    .returning({ id: collectionQrTokens.id, active: collectionQrTokens.active });
  if (!changed) {
    throw new ConflictError(input.active ? '该二维码已是启用状态' : '该二维码已停用', { code: 'QR_STATE_CONFLICT' });
  }
  return changed;
}

async function requireToken(db: Queryable, token: string, ip: string | null) {
  const [row] = await db
    .select({ qr: collectionQrTokens, areaName: areas.name })
    .from(collectionQrTokens)
    .innerJoin(areas, eq(areas.id, collectionQrTokens.areaId))
    .where(eq(collectionQrTokens.token, token));
  if (!row) {
    await chargeMiss(ip);
    throw new NotFoundError('二维码无效或已停用');
  }
  // A real code the office switched off: said so (not a guess, so not charged as a miss).
  if (!row.qr.active) {
    throw new DomainError('conflict', '该二维码已停用，不再接受登记', { code: 'QR_SWITCHED_OFF' });
  }
  return row;
}

/** What the phone page needs to draw the form of a token. */
export async function publicForm(db: Queryable, token: string, ip: string | null) {
  const { qr, areaName } = await requireToken(db, token, ip);
  const type = await requireType(db, qr.typeCode);
  return {
    typeCode: type.code,
    typeName: type.name,
    fields: type.fields,
    reviewRequired: type.reviewRequired,
    label: qr.label,
    areaName,
  };
}

/** 扫码自主登记: a record of the token's type and area, 待审核 when the type needs review. */
export async function publicRegister(db: Queryable, input: z.infer<typeof ZPublicRegisterInput>, ip: string | null) {
  const { qr } = await requireToken(db, input.token, ip);
  const type = await requireType(db, qr.typeCode);
  const values = requireValidValues(type.fields, input.values);
  const [record] = await db
    .insert(collectionRecords)
    .values({
      typeCode: type.code,
      areaId: qr.areaId,
      areaPath: qr.areaPath,
      name: input.name,
      address: input.address,
      lng: input.lng,
      lat: input.lat,
      ownerPhone: input.ownerPhone,
      values,
      status: initialStatus(type.reviewRequired),
      source: 'qr',
      createdBy: qr.collectorId,
      qrTokenId: qr.id,
      formVersion: type.formVersion,
    })
    .returning({ id: collectionRecords.id, status: collectionRecords.status });
  if (!record) throw new ConflictError('提交失败，请重试');
  return record;
}

/**
 * The place name of a phone's position for the address field (街道 社区 网格), from the
 * demo city's grid polygons; null outside every grid. Only for a valid token.
 */
export async function publicPlace(db: Queryable, input: z.infer<typeof ZPublicPlaceInput>, ip: string | null) {
  await requireToken(db, input.token, ip);
  const grid = await findGridAt(db, input.lng, input.lat);
  if (!grid) return { address: null };
  const ids = grid.path.split('/').filter(Boolean).map(Number).filter(Number.isInteger);
  const chain = await db
    .select({ id: areas.id, name: areas.name, level: areas.level })
    .from(areas)
    .where(inArray(areas.id, ids));
  const nameOf = (level: string) => chain.find((a) => a.level === level)?.name ?? '';
  // Grid names repeat the district and community ("临江区银杏社区06号网格"): said once.
  const gridName = nameOf('grid').replace(/^[\u4e00-\u9fa5]{1,6}?区(?=.+社区)/, '');
  const community = gridName.includes(nameOf('community')) ? '' : nameOf('community');
  return { address: `${nameOf('street')}${community}${gridName}附近` };
}
