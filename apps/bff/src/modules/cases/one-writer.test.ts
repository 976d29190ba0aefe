import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A case's state changes in one place: the transition core. This reads the BFF's own
 * source (tests aside) and lists every statement that inserts a case or updates one's
 * status or version, through drizzle or raw SQL. Anything but the core is a second write
 * path that skips the rules, the timeline, the event stream or the audit row.
 */
const SRC = join(import.meta.dirname, '../..');
const CORE = 'modules/cases/transition-case.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Each statement (up to its `;`) that writes the cases table. */
function caseWrites(text: string): string[] {
  const starts = /\.(insert|update)\(\s*cases\s*\)|\b(insert\s+into|update)\s+"?cases"?\b/gi;
  return [...text.matchAll(starts)].map((match) => text.slice(match.index, text.indexOf(';', match.index) + 1));
}

describe('one writer of case state', () => {
  it('only the transition core creates cases or writes their status or version', () => {
    const writers = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      const statements = caseWrites(readFileSync(file, 'utf8')).filter(
        (statement) => /^\.insert|^insert/i.test(statement) || /\b(status|version)\b/.test(statement),
      );
      if (statements.length > 0) writers.set(relative(SRC, file), statements);
    }
    expect([...writers.keys()]).toEqual([CORE]);
  });

  it('finds a write the way it would be written elsewhere (the check itself can fail)', () => {
    const drizzle = "await db.update(cases).set({ status: 'closed' }).where(eq(cases.id, 1));";
    const raw = "await db.execute(sql`update cases set status = 'closed' where id = 1`);";
    expect(caseWrites(drizzle)).toHaveLength(1);
    expect(caseWrites(raw)).toHaveLength(1);
    expect(caseWrites('await db.update(users).set({ status: 1 });')).toHaveLength(0);
  });
});
