import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from './personal-data';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('masks landlines with area codes by their digits', () => {
    expect(maskPhone('0571-87654321')).toBe('057****4321');
  });
  it('hides short numbers entirely and passes absence through', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('maskName', () => {
  it('keeps the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('李*');
  });
});
