import type { Queryable } from '@citygov/db/client';
import { categories, categoryMajors } from '@citygov/db/schema/catalogue';
import { areas } from '@citygov/db/schema/org';
import { type DispatchSubject, rankDispatchRules } from '@citygov/domain/dispatch/dispatch-rules';
import { ForbiddenError, NotFoundError, ValidationError } from '@citygov/domain/errors';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { findGridAt } from '../geo/api';
import { coversAreaPath, requireAreaInScope } from '../org/api';
import { type DispatchRuleView, describeDispatchRules } from './dispatch-rule-queries';
import type { TPreviewDispatchRuleInput } from './dispatch-rule-schemas';
import { loadDispatchRules } from './load-dispatch-rules';

export const NO_RULE_MESSAGE = '没有匹配的派遣规则，将由派遣员人工派遣';

/**
 * 规则预览: "a case here of this category would go to …". Ranks every enabled rule that
 * matches, so the admin sees which one applies and which ones it beat.
 */
export async function previewDispatchRule(db: Queryable, user: SessionUser, input: TPreviewDispatchRuleInput) {
  const place = await previewPlace(db, user, input);
  const category = await previewCategory(db, input);
  const subject: DispatchSubject = {
    kind: input.kind,
    majorCode: category.majorCode,
    // With only a major class given, rules for one minor category cannot be said to match.
    categoryCode: input.categoryCode ?? '',
    gridPath: place.path,
    urgency: input.urgency,
  };
  const [applied, ...others] = await describeDispatchRules(
    db,
    user,
    rankDispatchRules(await loadDispatchRules(db), subject),
  );
  return {
    place: place.name,
    category: category.name,
    applied: applied ?? null,
    others,
    summary: applied ? summaryOf(applied) : NO_RULE_MESSAGE,
  };
}

function summaryOf(rule: DispatchRuleView): string {
  const assisting =
    rule.assistingDepartmentNames.length > 0 ? `，${rule.assistingDepartmentNames.join('、')}（协办）` : '';
  const mode = rule.automatic ? '自动派遣' : '人工确认';
  return `该区域此类案件将派往：${rule.leadDepartmentName}（主办）${assisting} · 规则「${rule.name}」 · ${mode}`;
}

/** The place previewed: the grid at a point, an area, or the caller's own area; inside their scope. */
async function previewPlace(db: Queryable, user: SessionUser, input: TPreviewDispatchRuleInput) {
  if (input.lng !== undefined && input.lat !== undefined) {
    const grid = await findGridAt(db, input.lng, input.lat);
    if (!grid) throw new NotFoundError('该位置不在本市范围内');
    if (!coversAreaPath(user, grid.path)) throw new ForbiddenError('只能预览本辖区内的位置');
    return { name: grid.name, path: grid.path };
  }
  if (input.areaId !== undefined) {
    const area = await requireAreaInScope(db, user, input.areaId);
    return { name: area.name, path: area.path };
  }
  const [own] = await db.select().from(areas).where(eq(areas.id, user.areaId));
  if (!own) throw new NotFoundError('区域不存在');
  return { name: own.name, path: own.path };
}

async function previewCategory(db: Queryable, input: TPreviewDispatchRuleInput) {
  if (input.categoryCode !== undefined) {
    const [minor] = await db
      .select()
      .from(categories)
      .where(and(eq(categories.kind, input.kind), eq(categories.code, input.categoryCode)));
    if (!minor) throw new ValidationError('所选小类不存在');
    if (input.majorCode !== undefined && input.majorCode !== minor.majorCode) {
      throw new ValidationError(`小类「${minor.name}」不属于所选大类`);
    }
    return { majorCode: minor.majorCode, name: minor.name };
  }
  const majorCode = input.majorCode ?? '';
  const [major] = await db
    .select()
    .from(categoryMajors)
    .where(and(eq(categoryMajors.kind, input.kind), eq(categoryMajors.code, majorCode)));
  if (!major) throw new ValidationError('所选大类不存在');
  return { majorCode, name: major.name };
}
