import { describe, expect, it } from 'vitest';
import { SINGLE_LINE, sanitizeText, unsafeTextReason } from './text-safety';

describe('unsafeTextReason', () => {
  it.each([
    ['NUL', 'a\u0000b', '空字符'],
    ['a lone high surrogate', 'a\uD83Db', '孤立代理项'],
    ['a lone low surrogate', '\uDE00', '孤立代理项'],
    ['an ANSI escape', 'red \u001b[31m text', '控制字符'],
    ['a C1 control', 'x\u0085y', '控制字符'],
    ['DEL', 'x\u007Fy', '控制字符'],
    ['a right-to-left override', 'gpj\u202Eexe', '方向控制符'],
    ['a first-strong isolate', 'a\u2068b', '方向控制符'],
  ])('refuses %s', (_name, text, reason) => {
    expect(unsafeTextReason(text)).toContain(reason);
  });

  it('accepts Chinese text, emoji (a proper surrogate pair) and line breaks in free text', () => {
    expect(unsafeTextReason('路灯不亮 😀\n第二行\r\n\t缩进')).toBeNull();
  });
});

describe('sanitizeText', () => {
  it('replaces each unsafe character with U+FFFD and keeps the rest', () => {
    expect(sanitizeText('a\u0000b\u001b[31m\u202Ec\uD83D😀\n')).toBe('a\uFFFDb\uFFFD[31m\uFFFDc\uFFFD😀\n');
  });
});

describe('SINGLE_LINE', () => {
  it('refuses tabs and line breaks', () => {
    expect(SINGLE_LINE.test('张三')).toBe(true);
    expect(SINGLE_LINE.test('张\n三')).toBe(false);
    expect(SINGLE_LINE.test('张\t三')).toBe(false);
  });
});
