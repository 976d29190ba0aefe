import { describe, expect, it } from 'vitest';
import { departmentsServing } from './department-choices';

// City 1 → district 2 → streets 3 and 4; a district administrator's tree starts at 2.
const areas = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 2 },
  { id: 4, parentId: 2 },
];
const departments = [
  { name: '市城管局', areaId: 1, areaLevel: 'city' },
  { name: '区市政所', areaId: 2, areaLevel: 'district' },
  { name: '街道3中队', areaId: 3, areaLevel: 'street' },
  { name: '街道4中队', areaId: 4, areaLevel: 'street' },
];
const names = (list: readonly { name: string }[]) => list.map((d) => d.name);

describe('departmentsServing', () => {
  it('keeps departments of the area and of the areas containing it', () => {
    expect(names(departmentsServing(departments, areas, 3))).toEqual(['市城管局', '区市政所', '街道3中队']);
    expect(names(departmentsServing(departments, areas, 2))).toEqual(['市城管局', '区市政所']);
  });

  it('offers only city departments for a rule over the whole city', () => {
    expect(names(departmentsServing(departments, areas, null))).toEqual(['市城管局']);
  });

  it("treats a department whose area is above the caller's tree as serving it", () => {
    const districtTree = areas.slice(1).map((a) => (a.id === 2 ? { ...a, parentId: null } : a));
    expect(names(departmentsServing(departments, districtTree, 4))).toEqual(['市城管局', '区市政所', '街道4中队']);
  });
});
