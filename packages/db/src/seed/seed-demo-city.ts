/**
 * Writes the demo city (云湖市) into an empty database: areas down to 2,400 unit
 * grids, departments, demo users and the 事部件 catalogue with conditions and time
 * limits. One transaction, batched inserts, the same SQL on PGlite and PostgreSQL.
 * Idempotent: when `areas` already has rows nothing is written.
 */
import bcrypt from 'bcryptjs';
import { count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Queryable, Transaction } from '../client';
import { users } from '../schema/auth';
import { categories, categoryMajors, categoryTimeLimits } from '../schema/catalogue';
import { dispatchRules } from '../schema/dispatch';
import { areas, departments } from '../schema/org';
import { externalAccounts } from '../schema/sso';
import { streetChiefs } from '../schema/street-chiefs';
import { buildCatalogueSeed } from './catalogue-seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { type DemoArea, type DemoCityGeography, generateDemoCity } from './demo-city-geography';
import { buildDispatchRules } from './demo-dispatch-rules';
import { buildDepartments, buildUsers, type DepartmentSpec } from './demo-organisation';
import { writeDemoOutbox } from './demo-outbox';
import { DEMO_ZZD_ACCOUNTS } from './demo-zzd-accounts';

export interface SeedProgress {
  /** One of: areas, departments, users, categories, time_limits. */
  step: string;
  /** Rows of this step written so far. */
  done: number;
  total: number;
}

export interface SeedCounts {
  /** All area rows (city, districts, streets, communities and grids). */
  areas: number;
  grids: number;
  departments: number;
  users: number;
  categories: number;
}

export interface SeedOptions {
  onProgress?: (progress: SeedProgress) => void;
}

/** Rows per INSERT: big enough to be fast on PGlite, far below PostgreSQL's 65,535 parameters. */
const BATCH_SIZE = 500;
const BCRYPT_COST = 10;

type Report = (done: number) => void;

/** Runs `write` on consecutive batches of at most BATCH_SIZE rows, reporting rows done after each. */
async function inBatches<T>(
  rows: readonly T[],
  report: Report,
  write: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    await write(rows.slice(i, i + BATCH_SIZE));
    report(Math.min(i + BATCH_SIZE, rows.length));
  }
}

/** Fills `path` ("/<root id>/…/<own id>/") for a whole id/parent_id tree in one statement. */
async function fillMaterialisedPaths(tx: Transaction, table: PgTable): Promise<void> {
  await tx.execute(sql`
    with recursive tree (id, path) as (
      select id, '/' || id || '/' from ${table} where parent_id is null
      union all
      select child.id, tree.path || child.id || '/' from ${table} as child join tree on child.parent_id = tree.id
    )
    update ${table} as target set path = tree.path from tree where target.id = tree.id`);
}

/** Inserts areas level by level (parents first) and returns code → id. */
async function writeAreas(
  tx: Transaction,
  levels: readonly DemoArea[][],
  report: Report,
): Promise<Map<string, number>> {
  const idByCode = new Map<string, number>();
  let done = 0;
  for (const level of levels) {
    await inBatches(
      level,
      (n) => report(done + n),
      async (batch) => {
        const inserted = await tx
          .insert(areas)
          .values(
            batch.map((a) => {
              const parentId = a.parentCode === null ? null : idByCode.get(a.parentCode);
              if (parentId === undefined) throw new Error(`area ${a.code}: parent ${a.parentCode} not inserted yet`);
              return {
                parentId,
                level: a.level,
                code: a.code,
                name: a.name,
                path: '',
                boundary: a.boundary,
                centerLng: a.center[0],
                centerLat: a.center[1],
                ...a.bbox,
              };
            }),
          )
          .returning({ id: areas.id, code: areas.code });
        for (const row of inserted) idByCode.set(row.code, row.id);
      },
    );
    done += level.length;
  }
  await fillMaterialisedPaths(tx, areas);
  return idByCode;
}

/** Inserts departments parents-first and returns key → id. */
async function writeDepartments(
  tx: Transaction,
  specs: readonly DepartmentSpec[],
  areaIds: ReadonlyMap<string, number>,
  report: Report,
): Promise<Map<string, number>> {
  const idByKey = new Map<string, number>();
  let pending = [...specs];
  let done = 0;
  while (pending.length > 0) {
    const ready = pending.filter((d) => d.parentKey === null || idByKey.has(d.parentKey));
    if (ready.length === 0)
      throw new Error(`departments with unknown parents: ${pending.map((d) => d.key).join(', ')}`);
    await inBatches(
      ready,
      (n) => report(done + n),
      async (batch) => {
        const inserted = await tx
          .insert(departments)
          .values(
            batch.map((d) => ({
              parentId: d.parentKey === null ? null : (idByKey.get(d.parentKey) ?? null),
              name: d.name,
              kind: d.kind,
              areaId: requireId(areaIds, d.areaCode, `department ${d.key} area`),
              path: '',
              phone: d.phone,
            })),
          )
          .returning({ id: departments.id, name: departments.name });
        // INSERT … RETURNING yields rows in VALUES order; the name check guards that assumption.
        inserted.forEach((row, i) => {
          const spec = batch[i];
          if (!spec || spec.name !== row.name) throw new Error(`department insert order mismatch at ${row.name}`);
          idByKey.set(spec.key, row.id);
        });
      },
    );
    done += ready.length;
    pending = pending.filter((d) => !idByKey.has(d.key));
  }
  await fillMaterialisedPaths(tx, departments);
  return idByKey;
}

function requireId(ids: ReadonlyMap<string, number>, key: string, what: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`${what}: nothing inserted for "${key}"`);
  return id;
}

async function countRows(db: Queryable): Promise<SeedCounts> {
  // Sequential on purpose: a transaction is one connection.
  const [a] = await db.select({ n: count() }).from(areas);
  const [g] = await db.select({ n: count() }).from(areas).where(eq(areas.level, 'grid'));
  const [d] = await db.select({ n: count() }).from(departments);
  const [u] = await db.select({ n: count() }).from(users);
  const [c] = await db.select({ n: count() }).from(categories);
  return { areas: a?.n ?? 0, grids: g?.n ?? 0, departments: d?.n ?? 0, users: u?.n ?? 0, categories: c?.n ?? 0 };
}

export async function seedDemoCity(db: Database, opts: SeedOptions = {}): Promise<SeedCounts> {
  const progress = (step: string, total: number): Report => {
    return (done) => opts.onProgress?.({ step, done, total });
  };

  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(areas);
    if ((existing?.n ?? 0) > 0) return countRows(tx);

    const geography = generateDemoCity();
    const levels = [[geography.city], geography.districts, geography.streets, geography.communities, geography.grids];
    const areaTotal = levels.reduce((sum, level) => sum + level.length, 0);
    const areaIds = await writeAreas(tx, levels, progress('areas', areaTotal));

    const departmentSpecs = buildDepartments(geography);
    const departmentIds = await writeDepartments(
      tx,
      departmentSpecs,
      areaIds,
      progress('departments', departmentSpecs.length),
    );

    // One hash for every demo account: bcrypt is deliberately slow.
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, BCRYPT_COST);
    const userSpecs = buildUsers(geography);
    await inBatches(userSpecs, progress('users', userSpecs.length), (batch) =>
      tx.insert(users).values(
        batch.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          passwordHash,
          role: u.role,
          position: u.position,
          phone: u.phone,
          areaId: requireId(areaIds, u.areaCode, `user ${u.username} area`),
          departmentId:
            u.departmentKey === null
              ? null
              : requireId(departmentIds, u.departmentKey, `user ${u.username} department`),
        })),
      ),
    );

    const catalogue = buildCatalogueSeed();
    await tx.insert(categoryMajors).values(catalogue.majors).onConflictDoNothing();
    await inBatches(catalogue.categories, progress('categories', catalogue.categories.length), (batch) =>
      tx.insert(categories).values(batch).onConflictDoNothing(),
    );
    await inBatches(catalogue.timeLimits, progress('time_limits', catalogue.timeLimits.length), (batch) =>
      tx.insert(categoryTimeLimits).values(batch).onConflictDoNothing(),
    );

    await writeDispatchRules(tx, geography, areaIds, departmentIds);
    await bindDemoZzdAccounts(tx);
    await writeStreetChiefs(tx, geography, areaIds);
    if (geography.districts[0]) await writeDemoOutbox(tx, geography.districts[0].code);

    return countRows(tx);
  });
}

/** The demo 浙政钉 accounts bound to their demo users (one left for first-login binding). */
async function bindDemoZzdAccounts(tx: Transaction): Promise<void> {
  const ids = new Map(
    (await tx.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username, u.id]),
  );
  const rows = DEMO_ZZD_ACCOUNTS.filter((a) => a.boundInSeed).map((a) => ({
    provider: 'zzd' as const,
    accountId: String(a.accountId),
    employeeCode: a.employeeCode,
    displayName: a.name,
    userId: requireId(ids, a.username, `浙政钉 account ${a.accountId}`),
    boundBy: 'seed' as const,
  }));
  await tx.insert(externalAccounts).values(rows);
}

/**
 * 街长制: the four chief posts of every grid of each district's first street (where the
 * demo chiefs work) go to the district's chief accounts. Grids elsewhere have no chiefs
 * in the demo, so their street-governance reports follow the desk's usual chain.
 */
async function writeStreetChiefs(
  tx: Transaction,
  geography: DemoCityGeography,
  areaIds: ReadonlyMap<string, number>,
): Promise<void> {
  const userIds = new Map(
    (await tx.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username, u.id]),
  );
  const rows: (typeof streetChiefs.$inferInsert)[] = [];
  for (const district of geography.districts) {
    const street = geography.streets.find((s) => s.parentCode === district.code);
    if (!street) continue;
    const grids = geography.grids.filter((g) => g.parentCode?.startsWith(street.code));
    for (const account of DEMO_ACCOUNTS) {
      if (account.districtSlug !== district.slug || !account.chiefPost) continue;
      const userId = userIds.get(account.username);
      if (userId === undefined) continue;
      for (const grid of grids) {
        rows.push({ gridId: requireId(areaIds, grid.code, `grid ${grid.code}`), userId, ...account.chiefPost });
      }
    }
  }
  if (rows.length > 0) await tx.insert(streetChiefs).values(rows);
}

/** The demo's dispatch rules: suggestions only, none automatic (see demo-dispatch-rules.ts). */
async function writeDispatchRules(
  tx: Transaction,
  geography: DemoCityGeography,
  areaIds: ReadonlyMap<string, number>,
  departmentIds: ReadonlyMap<string, number>,
): Promise<void> {
  const rows = buildDispatchRules(geography).map(({ areaCode, leadKey, assistingKeys, ...rule }) => ({
    ...rule,
    enabled: true,
    automatic: false,
    areaId: areaCode === null ? null : requireId(areaIds, areaCode, `dispatch rule ${rule.name} area`),
    leadDepartmentId: requireId(departmentIds, leadKey, `dispatch rule ${rule.name} lead`),
    assistingDepartmentIds: assistingKeys.map((key) => requireId(departmentIds, key, `dispatch rule ${rule.name}`)),
  }));
  await tx.insert(dispatchRules).values(rows);
}
