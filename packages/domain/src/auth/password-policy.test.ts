import { describe, expect, it } from 'vitest';
import {
  characterClasses,
  DEFAULT_PASSWORD_POLICY,
  isPasswordExpired,
  passwordProblems,
  passwordRuleChecks,
  passwordRuleTexts,
} from './password-policy';

const policy = DEFAULT_PASSWORD_POLICY;

describe('passwordProblems', () => {
  it('accepts the demo password and other long mixed passwords', () => {
    expect(passwordProblems('Citygov@2026', 'linjiang.admin', policy)).toEqual([]);
    expect(passwordProblems('Matrix12345', 'matrix.user1', policy)).toEqual([]);
    expect(passwordProblems('河边9号Lamp', 'hubin.collector', policy)).toEqual([]);
  });

  it('refuses a password shorter than the minimum, and honours a configured minimum', () => {
    expect(passwordProblems('Ab1@xyz', 'someone', policy)).toEqual(['密码至少 8 位']);
    expect(passwordProblems('Citygov@2026', 'someone', { ...policy, minLength: 14 })).toEqual(['密码至少 14 位']);
  });

  it('needs three of the four character classes', () => {
    expect(characterClasses('abcdefgh')).toBe(1);
    expect(characterClasses('Abcdefg1')).toBe(3);
    expect(characterClasses('Ab1!')).toBe(4);
    expect(passwordProblems('abcdefgh12', 'someone', policy)).toEqual([
      '密码须至少包含大写字母、小写字母、数字、特殊符号中的 3 类',
    ]);
    expect(passwordProblems('river-stone-7', 'someone', policy)).toEqual([]);
  });

  it('refuses a password that contains the username, whatever the case', () => {
    expect(passwordProblems('Xingang.Leader9', 'xingang.leader', policy)).toEqual(['密码不能包含用户名']);
    expect(passwordProblems('Admin@2026', 'admin', policy)).toEqual(['密码不能包含用户名']);
  });

  it('refuses well-known weak passwords that would pass the other rules', () => {
    for (const weak of ['password1', 'Password1', 'Aa123456', 'Abc@1234', 'P@ssw0rd', '1qaz@WSX']) {
      expect(passwordProblems(weak, 'someone', policy), weak).toContain('密码过于常见，容易被猜中，请换一个');
    }
  });
});

describe('passwordRuleTexts', () => {
  it('states the configured rules in Chinese', () => {
    expect(passwordRuleTexts(policy)).toEqual([
      '长度 8–64 位',
      '至少包含大写字母、小写字母、数字、特殊符号中的 3 类',
      '不能包含用户名',
      '不能是常见弱密码（如 Aa123456、Abc@1234）',
      '不能与最近 5 次使用过的密码相同',
    ]);
    expect(passwordRuleTexts({ ...policy, maxAgeDays: 90 })).toContain('每 90 天须修改一次');
  });
});

describe('isPasswordExpired', () => {
  const changed = new Date('2026-01-01T00:00:00Z');
  it('never expires when expiry is off', () => {
    expect(isPasswordExpired(changed, new Date('2030-01-01T00:00:00Z'), policy)).toBe(false);
  });
  it('expires once the maximum age has passed', () => {
    const ninety = { ...policy, maxAgeDays: 90 };
    expect(isPasswordExpired(changed, new Date('2026-03-31T23:59:00Z'), ninety)).toBe(false);
    expect(isPasswordExpired(changed, new Date('2026-04-01T00:00:00Z'), ninety)).toBe(true);
  });
});

describe('passwordRuleChecks', () => {
  it('ticks off each rule a candidate meets, leaving the server-only ones open', () => {
    const met = (password: string, username = 'linjiang.admin') =>
      passwordRuleChecks(password, username, policy).map((rule) => rule.met);
    expect(met('Citygov@2026')).toEqual([true, true, true, true, null]);
    expect(met('abc')).toEqual([false, false, true, true, null]);
    expect(met('Linjiang.Admin1')).toEqual([true, true, false, true, null]);
    expect(met('Abc@1234')).toEqual([true, true, true, false, null]);
    expect(met('')).toEqual([false, false, false, false, null]);
  });
});
