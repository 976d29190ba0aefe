import fc from 'fast-check';

/**
 * The values a hostile or careless client sends where a valid one was expected. The
 * fixed texts are what probes try first; fast-check adds random text, numbers and trees.
 * None of these texts contains a marker the leak check looks for (see verdict.ts), so a
 * body echoing them is not mistaken for a leak.
 */
export const HOSTILE_TEXTS: readonly string[] = [
  // SQL-ish
  "' OR '1'='1",
  "'; DROP TABLE cases; --",
  '1 UNION SELECT password_hash FROM users--',
  '"; DELETE FROM audit_log; --',
  "admin'--",
  '1; SELECT pg_sleep(10)--',
  "') OR 1=1 LIMIT 1 OFFSET 1 --",
  '%27%20OR%201%3D1',
  '\\x27 OR 1=1',
  '$1',
  '?',
  ':id',
  // paths
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  'file:///etc/passwd',
  '/dev/zero',
  'con.txt',
  // prototype and object keys
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  // markup and templates
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, sent as plain text
  '${7*7}',
  '%s%s%s%n',
  // numbers as text
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x7fffffff',
  '2147483648',
  '9223372036854775808',
  '-2147483649',
  '١٢٣',
  // days and times
  '2026-99-99',
  '2026-02-30',
  '0000-00-00',
  '275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13',
  '2026-10-01T25:61:61Z',
  // unicode
  '井盖\u0000缺失',
  '井盖\uD800缺失',
  '\uDC00',
  'gpj.exe\u202E',
  '\u001b[31m红色\u001b[0m',
  '\u200B\u200C\u200D\uFEFF',
  'e\u0301\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  '\uFFFF\uFFFE',
  '𠜎𠜱𠝹𠱓',
  '\r\n\r\nX-Injected: 1',
  '\t',
  '',
  ' ',
];

const hugeText = fc.oneof(
  fc.constantFrom(1_000, 10_000, 100_000, 1_100_000).map((n) => 'A'.repeat(n)),
  fc.constantFrom(5_000, 50_000).map((n) => '井'.repeat(n)),
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_TEXTS), fc.string({ maxLength: 10 }))
      .map(([hostile, text]) => `${text}${hostile}${text}`),
  },
  { weight: 1, arbitrary: hugeText },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1.5,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 1,
    Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
    5e-324,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    360,
    -91,
    1e15,
  ),
  fc.integer(),
  fc.double(),
);

/** Values superjson carries but no procedure takes. */
const exoticValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    10n ** 30n,
    -1n,
    new Map([['a', 1]]),
    new Set([1, 2]),
    /.*/,
    new Error('boom'),
    new Date(Number.NaN),
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date('0001-01-01T00:00:00Z'),
    new Date('2026-10-01T00:00:00Z'),
  ),
  fc.date({ noInvalidDate: false }),
);

/** An object with one of the prototype keys as its own property (a literal would set the prototype). */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** A tree nested `depth` levels deep, arrays or objects. */
export function nestedValue(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

export const scalarValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: exoticValue },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalarValue },
  { weight: 1, arbitrary: fc.array(scalarValue, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, scalarValue, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(13, 100, 3_000), fc.constantFrom('array' as const, 'object' as const))
      .map(([depth, kind]) => nestedValue(depth, kind)),
  },
  { weight: 1, arbitrary: fc.constantFrom(20_001, 100_000).map((n) => Array.from({ length: n }, () => 1)) },
);

/** Every path to a value inside a sample, the sample itself included. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) paths.push(...pathsOf(item, [...prefix, index]));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function cloneSample(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(cloneSample);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cloneSample(item)]));
  }
  return value;
}

/** The sample with the value at `path` replaced (or the key removed, for `remove`). */
export function replaceAt(sample: unknown, path: (string | number)[], next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const root = cloneSample(sample);
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = next;
  return root;
}

export type Mutation = 'valid' | 'replace' | 'remove' | 'extra-key' | 'wrap' | 'any-json' | 'hostile';

/** A mutation of a valid sample: one field wrong, missing or joined by a stranger, or the whole input replaced. */
export function mutatedInput(sample: unknown): fc.Arbitrary<{ mutation: Mutation; input: unknown }> {
  const paths = pathsOf(sample);
  const fields = paths.filter((path) => path.length > 0);
  const pickPath = fc.constantFrom(...paths);
  const arbitraries: fc.WeightedArbitrary<{ mutation: Mutation; input: unknown }>[] = [
    { weight: 1, arbitrary: fc.constant({ mutation: 'valid' as const, input: sample }) },
    {
      weight: 8,
      arbitrary: fc
        .tuple(pickPath, hostileValue)
        .map(([path, value]) => ({ mutation: 'replace' as const, input: replaceAt(sample, path, value) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'x'.repeat(101)), hostileValue)
        .map(([key, value]) => ({
          mutation: 'extra-key' as const,
          input:
            sample && typeof sample === 'object' && !Array.isArray(sample)
              ? withOwnKey(sample as Record<string, unknown>, key, value)
              : withOwnKey({}, key, value),
        })),
    },
    { weight: 1, arbitrary: fc.constant({ mutation: 'wrap' as const, input: [sample] }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((input) => ({ mutation: 'any-json' as const, input })) },
    { weight: 1, arbitrary: hostileValue.map((input) => ({ mutation: 'hostile' as const, input })) },
  ];
  if (fields.length > 0) {
    arbitraries.push({
      weight: 2,
      arbitrary: fc
        .constantFrom(...fields)
        .map((path) => ({ mutation: 'remove' as const, input: replaceAt(sample, path, undefined, true) })),
    });
  }
  return fc.oneof(...arbitraries);
}
