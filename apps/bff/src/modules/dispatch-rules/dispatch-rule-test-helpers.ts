import { dispatchRules } from '@citygov/db/schema/dispatch';
import { areas } from '@citygov/db/schema/org';
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../testing/test-app';
import type { TCreateDispatchRuleInput } from './dispatch-rule-schemas';

export async function areaNamed(app: TestApp, name: string) {
  const [area] = await app.db.select().from(areas).where(eq(areas.name, name));
  if (!area) throw new Error(`no area ${name}`);
  return area;
}

export async function ruleNamed(app: TestApp, name: string) {
  const [rule] = await app.db.select().from(dispatchRules).where(eq(dispatchRules.name, name));
  if (!rule) throw new Error(`no dispatch rule ${name}`);
  return rule;
}

/** A complete rule input: 施工扰民 (event 08 / 08001), everything else as given. */
export function ruleInput(
  extra: Partial<TCreateDispatchRuleInput> & Pick<TCreateDispatchRuleInput, 'leadDepartmentId' | 'areaId'>,
): TCreateDispatchRuleInput {
  return {
    name: '施工扰民测试规则',
    enabled: true,
    automatic: false,
    priority: 0,
    kind: 'event',
    majorCode: '08',
    categoryCode: '08001',
    urgency: null,
    assistingDepartmentIds: [],
    note: null,
    ...extra,
  };
}
