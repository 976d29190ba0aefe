import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase, type Queryable, rowsOf } from './client';
import { MAX_PREPARED_PARAMETERS } from './prepared-statements';
import { categories } from './schema/catalogue';
import { openTestDatabase } from './testing/open-test-database';
import { testDatabaseKind } from './testing/test-database';

/** Statements this connection keeps prepared whose text contains `marker`. */
async function preparedWith(db: Queryable, marker: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`}`),
  );
  return row?.n ?? 0;
}

// PGlite is one in-process session with no wire round trips; the pool's statements are PostgreSQL's.
describe.skipIf(testDatabaseKind() === 'pglite')('queries on PostgreSQL', () => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await openTestDatabase();
  });
  afterAll(async () => {
    await open?.close();
  });

  it('keeps a parameterised query prepared on its connection, in transactions and savepoints too', async () => {
    await open.db.transaction(async (tx) => {
      const [category] = await tx.select().from(categories).where(eq(categories.code, '06001'));
      expect(category?.name).toBe('私搭乱建');
      expect(await preparedWith(tx, 'from "categories" where')).toBe(1);
      await tx.transaction(async (inner) => {
        const [again] = await inner.select().from(categories).where(eq(categories.code, '06002'));
        expect(again?.code).toBe('06002');
        // The same text: the kept statement is used again, not a second one made.
        expect(await preparedWith(inner, 'from "categories" where')).toBe(1);
        await inner.select({ code: categories.code }).from(categories).where(eq(categories.majorCode, '06'));
        expect(await preparedWith(inner, 'select "code" from "categories" where')).toBe(1);
      });
    });
  });

  it('plans every execution with its own values, so partial indexes on literal values keep applying', async () => {
    const setting = async (db: Queryable) =>
      rowsOf<{ mode: string }>(await db.execute(sql`select current_setting('plan_cache_mode') as mode`))[0]?.mode;
    expect(await setting(open.db)).toBe('force_custom_plan');
    expect(await open.db.transaction((tx) => setting(tx))).toBe('force_custom_plan');
  });

  it('leaves PL/pgSQL functions on the default plan cache, so triggers are not re-planned per row', async () => {
    const rows = rowsOf<{ name: string; config: string[] | null }>(
      await open.db.execute(sql`select p.proname as name, p.proconfig as config
        from pg_proc p join pg_language l on l.oid = p.prolang join pg_namespace n on n.oid = p.pronamespace
        where l.lanname = 'plpgsql' and n.nspname = 'public' order by p.proname`),
    );
    expect(rows.map((r) => r.name)).toContain('case_events_assign_seq');
    expect(rows.filter((r) => !r.config?.includes('plan_cache_mode=auto')).map((r) => r.name)).toEqual([]);
  });

  it('leaves a bulk statement unprepared, and its answer right', async () => {
    const values = Array.from({ length: MAX_PREPARED_PARAMETERS + 50 }, (_, i) => i + 1);
    await open.db.transaction(async (tx) => {
      const [row] = rowsOf<{ total: number; marker: string }>(
        await tx.execute(
          sql`select 'bulk-marker' as marker, (select sum(v)::int from unnest(array[${sql.join(
            values.map((v) => sql`${v}::int`),
            sql`, `,
          )}]) v) as total`,
        ),
      );
      expect(row?.total).toBe((values.length * (values.length + 1)) / 2);
      expect(await preparedWith(tx, 'bulk-marker')).toBe(0);
    });
  });

  it('prepares nothing when switched off (a pooler in transaction mode), and plans as the server does', async () => {
    const plain = await openDatabase({ databaseUrl: open.location, maxConnections: 1, preparedStatements: false });
    try {
      await plain.db.transaction(async (tx) => {
        const [category] = await tx.select().from(categories).where(eq(categories.code, '06001'));
        expect(category?.name).toBe('私搭乱建');
        expect(await preparedWith(tx, 'from "categories" where')).toBe(0);
        const [mode] = rowsOf<{ mode: string }>(
          await tx.execute(sql`select current_setting('plan_cache_mode') as mode`),
        );
        expect(mode?.mode).toBe('auto');
      });
    } finally {
      await plain.close();
    }
  });
});
