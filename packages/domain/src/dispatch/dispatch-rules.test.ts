import { describe, expect, it } from 'vitest';
import {
  type DispatchRule,
  type DispatchSubject,
  dispatchRuleProblems,
  matchDispatchRule,
  rankDispatchRules,
} from './dispatch-rules';

const rule = (id: number, extra: Partial<DispatchRule>): DispatchRule => ({
  id,
  name: `规则${id}`,
  enabled: true,
  automatic: false,
  priority: 0,
  kind: null,
  majorCode: null,
  categoryCode: null,
  areaPath: null,
  urgency: null,
  leadDepartmentId: 100 + id,
  assistingDepartmentIds: [],
  ...extra,
});

// A manhole cover (部件 01 公用设施 / 01001) in grid /1/3/17/40/900/ of district 3.
const manhole: DispatchSubject = {
  kind: 'component',
  majorCode: '01',
  categoryCode: '01001',
  gridPath: '/1/3/17/40/900/',
  urgency: 'normal',
};

describe('which dispatch rule applies', () => {
  it('the narrowest matching rule wins: minor category over major class, deeper area over wider', () => {
    const rules = [
      rule(1, { kind: 'component', majorCode: '01' }),
      rule(2, { kind: 'component', majorCode: '01', categoryCode: '01001' }),
      rule(3, { kind: 'component', majorCode: '01', categoryCode: '01001', areaPath: '/1/3/' }),
      rule(4, { kind: 'component', majorCode: '01', categoryCode: '01001', areaPath: '/1/4/' }),
    ];
    expect(matchDispatchRule(rules, manhole)?.id).toBe(3);
    expect(matchDispatchRule(rules, { ...manhole, gridPath: '/1/5/30/70/1200/' })?.id).toBe(2);
    expect(matchDispatchRule(rules, { ...manhole, categoryCode: '01002' })?.id).toBe(1);
    expect(matchDispatchRule(rules, { ...manhole, kind: 'event' })).toBeNull();
  });

  it('an admin priority beats specificity, disabled rules never match, urgency narrows', () => {
    const rules = [
      rule(1, { kind: 'component', majorCode: '01', categoryCode: '01001' }),
      rule(2, { areaPath: '/1/3/', priority: 5 }),
      rule(3, {
        kind: 'component',
        majorCode: '01',
        categoryCode: '01001',
        urgency: 'urgent',
        priority: 9,
        enabled: false,
      }),
      rule(4, { kind: 'component', majorCode: '01', categoryCode: '01001', urgency: 'urgent' }),
    ];
    expect(matchDispatchRule(rules, manhole)?.id).toBe(2);
    expect(matchDispatchRule(rules, { ...manhole, gridPath: '/1/4/20/50/1000/' })?.id).toBe(1);
    expect(matchDispatchRule(rules, { ...manhole, gridPath: '/1/4/20/50/1000/', urgency: 'urgent' })?.id).toBe(4);
  });

  it('ranks every enabled matching rule, the applying one first', () => {
    const rules = [
      rule(1, { kind: 'component' }),
      rule(2, { kind: 'component', majorCode: '01', categoryCode: '01001', areaPath: '/1/3/' }),
      rule(3, { kind: 'component', majorCode: '01', enabled: false }),
      rule(4, { kind: 'event' }),
      rule(5, { kind: 'component', majorCode: '01' }),
    ];
    expect(rankDispatchRules(rules, manhole).map((r) => r.id)).toEqual([2, 5, 1]);
    expect(rankDispatchRules(rules, manhole)[0]).toBe(matchDispatchRule(rules, manhole));
  });

  it('an area rule does not match a sibling whose path merely starts with the same digits', () => {
    const rules = [rule(1, { areaPath: '/1/3/' })];
    expect(matchDispatchRule(rules, { ...manhole, gridPath: '/1/31/200/' })).toBeNull();
  });

  it('explains what is wrong with a rule', () => {
    expect(dispatchRuleProblems(rule(1, { categoryCode: '01001' }))).toEqual([
      '选择小类时须同时选择大类',
      '请选择部件或事件',
    ]);
    expect(dispatchRuleProblems(rule(1, { leadDepartmentId: 7, assistingDepartmentIds: [7] }))).toEqual([
      '主办部门不能同时是协办部门',
    ]);
  });
});
