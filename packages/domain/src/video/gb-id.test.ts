import { describe, expect, it } from 'vitest';
import { deviceIdProblem, isCivilCode, parseGbId } from './gb-id';

describe('GB/T 28181 codes', () => {
  it('reads the parts and the type of a 20-digit code', () => {
    const ipc = parseGbId('34020000001320000001');
    expect(ipc).toMatchObject({
      civilCode: '34020000',
      industry: '00',
      typeCode: '132',
      typeName: '网络摄像机',
      role: 'camera',
      network: '0',
      sequence: '000001',
    });
    expect(parseGbId('34020000001180000001')?.role).toBe('recorder');
    expect(parseGbId('34020000001310000001')?.typeName).toBe('摄像机');
    expect(parseGbId('34020000002150000001')?.role).toBe('businessGroup');
    expect(parseGbId('34020000002160000001')?.role).toBe('virtualOrganization');
    expect(parseGbId('34020000002000000001')?.role).toBe('platform');
  });

  it('refuses codes that are not 20 digits', () => {
    for (const bad of [
      '3402000000132000000',
      '340200000013200000011',
      '3402000000132000000A',
      '',
      ' 34020000001320000001',
    ])
      expect(parseGbId(bad)).toBeNull();
  });

  it('says why an id cannot register as a device', () => {
    expect(deviceIdProblem('34020000001320000001')).toBeNull();
    expect(deviceIdProblem('1234')).toBe('设备编码应为20位数字');
    expect(deviceIdProblem('34020000002160000001')).toBe('分组编码不能作为设备注册');
  });

  it('knows civil-code nodes of a catalog tree', () => {
    expect(['34', '3402', '340200', '34020001'].every(isCivilCode)).toBe(true);
    expect(['3', '340', '3402000000'].some(isCivilCode)).toBe(false);
  });
});
