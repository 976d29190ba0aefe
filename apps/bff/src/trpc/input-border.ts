import { ValidationError } from '@citygov/domain/errors';
import { unsafeTextReason } from '@citygov/domain/text-safety';

/**
 * The shape every procedure's raw input must have before zod sees it. Legitimate inputs
 * are small trees of JSON values (plus Dates, which superjson revives); the limits sit
 * far above the deepest and largest of them (batch dispatch: depth 3, ~300 values).
 */
export const INPUT_LIMITS = { depth: 12, values: 20_000, keyLength: 100 } as const;

export interface InputProblem {
  /** Where in the input, as zod would name it ("items.3.caseId"); empty for the input itself. */
  path: (string | number)[];
  /** Chinese, shown as-is. */
  message: string;
}

/** A raw input refused at the border: 400 FIELD_INVALID naming the field ("输入有误：description：…"). */
export class InputRefusedError extends ValidationError {
  constructor(problem: InputProblem) {
    const field = problem.path.slice(0, INPUT_LIMITS.depth).join('.');
    super(`输入有误：${field ? `${field}：` : ''}${problem.message}`, {
      code: 'FIELD_INVALID',
      ...(field ? { field } : {}),
    });
  }
}

/**
 * Checks a procedure's raw input (after superjson, before zod) and says what is wrong
 * with the first bad value, or null. It refuses what no procedure expects and what the
 * database or the log cannot hold: NUL, lone surrogates, control and bidi characters in
 * any string or key; bigint, Map, Set, RegExp, Error, class instances and functions;
 * NaN and ±Infinity; invalid Dates; the keys __proto__, constructor and prototype; undefined inside arrays; cycles; and trees deeper or
 * larger than INPUT_LIMITS. Never throws, whatever the value.
 */
export function inspectRawInput(input: unknown): InputProblem | null {
  let seen = 0;
  const ancestors = new Set<object>();

  const visit = (value: unknown, path: (string | number)[]): InputProblem | null => {
    seen += 1;
    if (seen > INPUT_LIMITS.values) return { path, message: `输入内容过多（超过 ${INPUT_LIMITS.values} 项）` };
    if (value === null || value === undefined || typeof value === 'boolean') return null;
    if (typeof value === 'string') {
      const reason = unsafeTextReason(value);
      return reason ? { path, message: reason } : null;
    }
    if (typeof value === 'number') {
      return Number.isFinite(value) ? null : { path, message: '数值无效（不能是 NaN 或无穷大）' };
    }
    if (typeof value !== 'object') return { path, message: `不支持的数据类型（${typeof value}）` };
    if (value instanceof Date) {
      return Number.isNaN(value.getTime()) ? { path, message: '日期时间无效' } : null;
    }
    if (path.length >= INPUT_LIMITS.depth) {
      return { path, message: `输入嵌套过深（超过 ${INPUT_LIMITS.depth} 层）` };
    }
    if (ancestors.has(value)) return { path, message: '输入包含循环引用' };
    const isArray = Array.isArray(value);
    const proto: unknown = Object.getPrototypeOf(value);
    if (!isArray && proto !== Object.prototype && proto !== null) {
      return { path, message: `不支持的数据类型（${kindOf(value)}）` };
    }
    ancestors.add(value);
    try {
      if (isArray) {
        for (let index = 0; index < value.length; index++) {
          const item: unknown = value[index];
          if (item === undefined) return { path: [...path, index], message: '数组中不能有空值（undefined）' };
          const problem = visit(item, [...path, index]);
          if (problem) return problem;
        }
        return null;
      }
      for (const key of Object.keys(value)) {
        const keyProblem = keyReason(key);
        if (keyProblem) return { path: [...path, sanitizeKey(key)], message: keyProblem };
        const problem = visit((value as Record<string, unknown>)[key], [...path, key]);
        if (problem) return problem;
      }
      return null;
    } finally {
      ancestors.delete(value);
    }
  };

  return visit(input, []);
}

/** Keys no procedure takes and JavaScript treats specially (prototype pollution, superjson refuses them on the way out). */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function keyReason(key: string): string | null {
  if (RESERVED_KEYS.has(key)) return `字段名「${key}」不允许使用`;
  if (key.length > INPUT_LIMITS.keyLength) return `字段名过长（超过 ${INPUT_LIMITS.keyLength} 个字符）`;
  const reason = unsafeTextReason(key);
  return reason ? `字段名${reason}` : null;
}

/** A key that is itself the problem is named by a readable stand-in (a reserved one bracketed: it becomes a key of the answer's fieldErrors). */
function sanitizeKey(key: string): string {
  if (RESERVED_KEYS.has(key)) return `(${key})`;
  return key.length > 40 || unsafeTextReason(key) ? '(无效字段名)' : key;
}

function kindOf(value: object): string {
  if (value instanceof Map) return 'Map';
  if (value instanceof Set) return 'Set';
  if (value instanceof RegExp) return 'RegExp';
  if (value instanceof Error) return 'Error';
  return value.constructor?.name || 'object';
}
