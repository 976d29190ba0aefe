import type { Queryable } from '@citygov/db/client';
import { areas } from '@citygov/db/schema/org';
import { ForbiddenError, NotFoundError } from '@citygov/domain/errors';
import { isWallAreaLevel, type WallAreaLevel } from '@citygov/domain/wall/wall-measures';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { coversAreaPath } from '../org/api';

/** The area a wall shows: the city, a district or a street (街道 / 中队). */
export interface WallArea {
  id: number;
  code: string;
  name: string;
  level: WallAreaLevel;
}

/**
 * The wall's area: the one asked for by code, or the viewer's own. Refused when it lies
 * outside the viewer's scope, or below a street (the rollup keeps nothing finer).
 */
export async function resolveWallArea(db: Queryable, user: SessionUser, code: string | undefined): Promise<WallArea> {
  const [area] = await db
    .select({ id: areas.id, code: areas.code, name: areas.name, level: areas.level, path: areas.path })
    .from(areas)
    .where(code ? eq(areas.code, code) : eq(areas.id, user.areaId));
  if (!area) throw new NotFoundError('区域不存在');
  if (!coversAreaPath(user, area.path)) throw new ForbiddenError('不能查看其他辖区的大屏');
  if (!isWallAreaLevel(area.level)) throw new ForbiddenError('指挥大屏只提供市、区、街道（中队）三级');
  return { id: area.id, code: area.code, name: area.name, level: area.level };
}
