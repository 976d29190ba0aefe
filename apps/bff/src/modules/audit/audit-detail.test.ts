import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { boundedDetail, withSafeKeys } from './audit-detail';

describe('reserved keys in audit details (found by the fuzzer)', () => {
  it('keeps __proto__, constructor and prototype as renamed keys, so audit.list can serialise the row', () => {
    const input = JSON.parse(
      '{"id":1,"prototype":"x","__proto__":{"polluted":1},"nested":{"constructor":2}}',
    ) as unknown;
    const detail = boundedDetail({ input });
    expect(detail).toEqual({
      input: { id: 1, '(prototype)': 'x', '(__proto__)': { polluted: 1 }, nested: { '(constructor)': 2 } },
    });
    expect(Object.getPrototypeOf(detail?.input)).toBe(Object.prototype);
    expect(() => superjson.serialize(detail)).not.toThrow();
  });

  it('renames them in rows stored before, when they are read', () => {
    const stored = JSON.parse('{"input":{"prototype":"x","list":[{"__proto__":1}]}}') as unknown;
    expect(() => superjson.serialize(stored)).toThrow();
    const shown = withSafeKeys(stored);
    expect(shown).toEqual({ input: { '(prototype)': 'x', list: [{ '(__proto__)': 1 }] } });
    expect(() => superjson.serialize(shown)).not.toThrow();
  });
});
