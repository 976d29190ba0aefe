import { describe, expect, it } from 'vitest';
import { userManagementRefusal } from './user-management';

const city = '/1/';
const linjiang = '/1/2/';
const street = '/1/2/30/';
const yunshan = '/1/3/';

describe('userManagementRefusal', () => {
  const districtAdmin = { id: 10, areaPath: linjiang };
  const cityAdmin = { id: 1, areaPath: city };

  it('lets a district administrator manage the non-administrators of the district and anyone narrower', () => {
    expect(userManagementRefusal(districtAdmin, { id: 11, role: 'acceptor', areaPath: linjiang })).toBeNull();
    expect(userManagementRefusal(districtAdmin, { id: 12, role: 'collector', areaPath: street })).toBeNull();
    expect(userManagementRefusal(districtAdmin, { id: 13, role: 'admin', areaPath: street })).toBeNull();
  });

  it('refuses a fellow administrator of the same district, and one of another district', () => {
    expect(userManagementRefusal(districtAdmin, { id: 14, role: 'admin', areaPath: linjiang })).toBe(
      '不能管理同级的系统管理员账号，请联系上级管理员',
    );
    expect(userManagementRefusal(districtAdmin, { id: 15, role: 'acceptor', areaPath: yunshan })).toBe(
      '不能管理其他辖区的用户',
    );
    expect(userManagementRefusal(districtAdmin, { id: 1, role: 'admin', areaPath: city })).toBe(
      '不能管理其他辖区的用户',
    );
  });

  it('lets a city administrator manage district administrators but not another city administrator', () => {
    expect(userManagementRefusal(cityAdmin, { id: 14, role: 'admin', areaPath: linjiang })).toBeNull();
    expect(userManagementRefusal(cityAdmin, { id: 2, role: 'leader', areaPath: city })).toBeNull();
    expect(userManagementRefusal(cityAdmin, { id: 3, role: 'admin', areaPath: city })).toMatch(/同级/);
  });

  it('refuses managing oneself through the admin path', () => {
    expect(userManagementRefusal(cityAdmin, { id: 1, role: 'admin', areaPath: city })).toMatch(/自己的账号/);
  });
});
