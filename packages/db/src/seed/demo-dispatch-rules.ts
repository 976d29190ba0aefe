/**
 * Demo dispatch rules (派遣规则) so the admin page and the dispatcher's suggestion have
 * something to show. None is automatic: the demo's cases are dispatched by hand (the
 * browser tests walk that path), an administrator turns automation on per rule.
 * Pure data; areas are referred to by code and departments by key.
 */
import type { dispatchRules } from '../schema/dispatch';
import type { DemoCityGeography } from './demo-city-geography';
import { districtMunicipalKey } from './demo-organisation';

type RuleRow = typeof dispatchRules.$inferInsert;

export interface DispatchRuleSpec
  extends Pick<RuleRow, 'name' | 'kind' | 'majorCode' | 'categoryCode' | 'urgency' | 'priority' | 'note'> {
  /** Null: the whole city. */
  areaCode: string | null;
  leadKey: string;
  assistingKeys: readonly string[];
}

export function buildDispatchRules(geography: Pick<DemoCityGeography, 'districts'>): DispatchRuleSpec[] {
  const citywide: DispatchRuleSpec[] = [
    {
      name: '全市供水井盖',
      kind: 'component',
      majorCode: '01',
      categoryCode: '01001',
      urgency: null,
      priority: 0,
      note: '供水井盖由水务集团供水分公司维护，市政设施管理中心协助',
      areaCode: null,
      leadKey: 'city.water.supply',
      assistingKeys: ['city.municipal'],
    },
    {
      name: '全市园林绿化设施',
      kind: 'component',
      majorCode: '04',
      categoryCode: null,
      urgency: null,
      priority: 0,
      note: null,
      areaCode: null,
      leadKey: 'city.greening',
      assistingKeys: [],
    },
  ];
  const perDistrict = geography.districts.flatMap((district): DispatchRuleSpec[] => [
    {
      name: `${district.name}市政公用设施`,
      kind: 'component',
      majorCode: '01',
      categoryCode: null,
      urgency: null,
      priority: 0,
      note: null,
      areaCode: district.code,
      leadKey: districtMunicipalKey(district.slug),
      assistingKeys: [],
    },
    {
      name: `${district.name}市容环境`,
      kind: 'event',
      majorCode: '06',
      categoryCode: null,
      urgency: null,
      priority: 0,
      note: null,
      areaCode: district.code,
      leadKey: `${district.slug}.sanitation`,
      assistingKeys: [],
    },
  ]);
  return [...citywide, ...perDistrict];
}
