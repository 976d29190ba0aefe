import type { Queryable } from '@citygov/db/client';
import { collectionTypes } from '@citygov/db/schema/collection';
import { areas } from '@citygov/db/schema/org';
import { NotFoundError } from '@citygov/domain/errors';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { withinAreaScope } from '../org/api';

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
