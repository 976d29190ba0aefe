import type { Queryable } from '@citygov/db/client';
import { collectionFormVersions, collectionTypes } from '@citygov/db/schema/collection';
import { areas } from '@citygov/db/schema/org';
import { type FieldDef, nextFormVersion } from '@citygov/domain/collection/forms';
import { ConflictError, NotFoundError, ValidationError } from '@citygov/domain/errors';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { requireCityLevel, withinAreaScope } from '../org/api';
import type { ZSaveFormInput } from './collection-schemas';

export type CollectionType = typeof collectionTypes.$inferSelect;

/** Every object type with its form definition, in display order. */
export function listTypes(db: Queryable): Promise<CollectionType[]> {
  return db.select().from(collectionTypes).orderBy(asc(collectionTypes.position));
}

export async function requireType(db: Queryable, code: string): Promise<CollectionType> {
  const [type] = await db.select().from(collectionTypes).where(eq(collectionTypes.code, code));
  if (!type) throw new NotFoundError('采集类型不存在');
  return type;
}

/** The types, and the streets and communities of the caller's scope a record or QR code may be placed in. */
export async function typesAndPlaces(db: Queryable, user: SessionUser) {
  const places = await db
    .select({ id: areas.id, parentId: areas.parentId, level: areas.level, name: areas.name })
    .from(areas)
    .where(and(withinAreaScope(user, areas.path), inArray(areas.level, ['street', 'community'])))
    .orderBy(asc(areas.code));
  return { types: await listTypes(db), places };
}

/** The key of a (type, form version) pair in `fieldsOfVersions`' answer. */
export const versionKey = (typeCode: string, version: number) => `${typeCode}@${version}`;

/**
 * The fields of each (type, version) pair records were made with, in one query. A pair
 * without a stored version (none should be) falls back to the type's current fields.
 */
export async function fieldsOfVersions(
  db: Queryable,
  pairs: readonly { typeCode: string; formVersion: number }[],
): Promise<(typeCode: string, version: number) => FieldDef[]> {
  const wanted = [...new Map(pairs.map((p) => [versionKey(p.typeCode, p.formVersion), p])).values()];
  const found = new Map<string, FieldDef[]>();
  if (wanted.length > 0) {
    const rows = await db
      .select()
      .from(collectionFormVersions)
      .where(
        or(
          ...wanted.map((p) =>
            and(eq(collectionFormVersions.typeCode, p.typeCode), eq(collectionFormVersions.version, p.formVersion)),
          ),
        ),
      );
    for (const r of rows) found.set(versionKey(r.typeCode, r.version), r.fields);
  }
  const current = new Map((await listTypes(db)).map((t) => [t.code, t.fields]));
  return (typeCode, version) => found.get(versionKey(typeCode, version)) ?? current.get(typeCode) ?? [];
}

/**
 * 表单设置: saves the editor's fields as the type's next form version (city level only).
 * Existing records keep the version they were made with; new ones use this one.
 */
export async function saveFormDefinition(db: Queryable, user: SessionUser, input: z.infer<typeof ZSaveFormInput>) {
  requireCityLevel(user, 'collectionForms');
  const type = await requireType(db, input.typeCode);
  if (input.expectedVersion !== undefined && type.formVersion !== input.expectedVersion) {
    throw new ConflictError('表单已被他人修改，请刷新后重试', { code: 'CONFLICT' });
  }
  const version = type.formVersion + 1;
  const next = nextFormVersion(type.fields, input.fields, version);
  if (!next.ok) throw new ValidationError(next.problems.join('；'), { field: 'fields' });
  const [moved] = await db
    .update(collectionTypes)
    .set({ fields: next.fields, formVersion: version })
    .where(and(eq(collectionTypes.code, type.code), eq(collectionTypes.formVersion, type.formVersion)))
    .returning({ code: collectionTypes.code });
  if (!moved) throw new ConflictError('表单已被他人修改，请刷新后重试');
  await db
    .insert(collectionFormVersions)
    .values({ typeCode: type.code, version, fields: next.fields, createdBy: user.id });
  return { typeCode: type.code, formVersion: version, fields: next.fields };
}
