import { expect } from 'vitest';

/**
 * What an error body must never show outside development: stack frames, absolute
 * file paths, module folders, SQL. Checked on every 4xx/5xx body the border tests see.
 */
const INTERNALS: readonly [string, RegExp][] = [
  ['a stack frame', /\bat [\w.<>[\] ]*\(?(\/|file:|node:)/],
  ['a stack property', /"stack"\s*:/],
  ['an absolute path', /(^|[\s"'(=])\/(home|root|tmp|usr|var|srv|opt|app)\//],
  ['a module folder', /node_modules/],
  ['SQL', /\b(select\s.+\sfrom|insert\s+into|update\s.+\sset|delete\s+from)\b/i],
];

export function expectNoInternals(body: string, what = 'error body'): void {
  // Wherever the checkout lives, its own path must not appear.
  expect(body.includes(process.cwd()), `${what} shows the working directory: ${body.slice(0, 400)}`).toBe(false);
  for (const [name, pattern] of INTERNALS) {
    expect(pattern.test(body), `${what} shows ${name}: ${body.slice(0, 400)}`).toBe(false);
  }
}
