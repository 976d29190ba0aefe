import type { Queryable } from '@citygov/db/client';
import { collectionTypes } from '@citygov/db/schema/collection';
import { NotFoundError } from '@citygov/domain/errors';
import { asc, eq } from 'drizzle-orm';

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
