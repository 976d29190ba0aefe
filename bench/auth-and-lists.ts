/**
 * Login and scoped list queries through the real HTTP stack (express → tRPC →
 * session → procedure → drizzle), on a database that already holds the demo city.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { OpenDatabase } from '../packages/db/src/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../packages/db/src/seed/demo-accounts';
import { measureLoop, type Summary, summarise } from './stats';
import { isRecord, sessionCookie, startServer, trpcMutation, trpcQuery } from './trpc-http';

export const LOGINS = 50;
export const LIST_CALLS = 200;
export const TREE_CALLS = 50;
export const WARMUP = 5;
const BCRYPT_CALLS = 10;

const DISTRICT_ADMIN = 'linjiang.admin';
const CITY_ADMIN = 'admin';
const FIRST_PAGE = { page: 1, pageSize: 20 };

export interface QueryFigures {
  latency: Summary;
  /** What one response held, to show the work is real: rows, nodes or features. */
  items: number;
  bytes: number;
}

export interface HttpFigures {
  login: Summary;
  /** One bcrypt compare of the demo password against its stored hash, outside HTTP. */
  bcryptCompare: Summary;
  usersListDistrict: QueryFigures & { total: number };
  usersListCity: QueryFigures & { total: number };
  areaTree: QueryFigures;
  gridAreas: QueryFigures;
}

interface Bcrypt {
  compare(password: string, hash: string): Promise<boolean>;
}

// bcryptjs is the BFF's dependency, not the root's: resolve it where login.ts does.
const bcrypt = createRequire(new URL('../apps/bff/package.json', import.meta.url))('bcryptjs') as Bcrypt;

export function expectArray(what: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected an array, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value;
}

function usersPage(what: string, data: unknown): { rows: number; total: number } {
  if (!isRecord(data) || typeof data.total !== 'number') throw new Error(`${what}: no total in the response`);
  return { rows: expectArray(`${what} rows`, data.rows).length, total: data.total };
}

function featureCount(what: string, data: unknown): number {
  if (!isRecord(data) || data.type !== 'FeatureCollection') throw new Error(`${what}: not a FeatureCollection`);
  return expectArray(`${what} features`, data.features).length;
}

export async function login(baseUrl: string, username: string): Promise<string> {
  const { data, setCookies } = await trpcMutation(baseUrl, 'auth.login', { username, password: DEMO_PASSWORD });
  if (!isRecord(data) || data.username !== username) throw new Error(`auth.login ${username}: unexpected user`);
  return sessionCookie(setCookies);
}

async function bcryptBaseline(open: OpenDatabase): Promise<Summary> {
  const account = await open.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, CITY_ADMIN) });
  if (!account) throw new Error(`no seeded user ${CITY_ADMIN}`);
  const samples: number[] = [];
  for (let i = 0; i < BCRYPT_CALLS; i++) {
    const started = performance.now();
    if (!(await bcrypt.compare(DEMO_PASSWORD, account.passwordHash))) throw new Error('demo password does not match');
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** Times `n` sequential GETs of one procedure and checks each answer with `count`. */
async function measureQuery(
  baseUrl: string,
  cookie: string,
  path: string,
  input: unknown,
  n: number,
  count: (data: unknown) => number,
): Promise<QueryFigures> {
  let items = -1;
  let bytes = 0;
  const latency = await measureLoop(n, WARMUP, async () => {
    const response = await trpcQuery(baseUrl, path, input, cookie);
    items = count(response.data);
    bytes = response.bytes;
  });
  return { latency, items, bytes };
}

export async function benchAuthAndLists(open: OpenDatabase): Promise<HttpFigures> {
  const server = await startServer(open.db);
  try {
    const { baseUrl } = server;
    const accounts = DEMO_ACCOUNTS.map((a) => a.username);
    const loginSummary = await measureLoop(LOGINS, 2, async (i) => {
      const username = accounts[(i + accounts.length) % accounts.length];
      if (!username) throw new Error('no demo accounts');
      await login(baseUrl, username);
    });
    const bcryptCompare = await bcryptBaseline(open);

    const districtCookie = await login(baseUrl, DISTRICT_ADMIN);
    const cityCookie = await login(baseUrl, CITY_ADMIN);

    let districtTotal = 0;
    const usersListDistrict = await measureQuery(baseUrl, districtCookie, 'users.list', FIRST_PAGE, LIST_CALLS, (d) => {
      const page = usersPage('users.list (district)', d);
      districtTotal = page.total;
      return page.rows;
    });
    let cityTotal = 0;
    const usersListCity = await measureQuery(baseUrl, cityCookie, 'users.list', FIRST_PAGE, LIST_CALLS, (d) => {
      const page = usersPage('users.list (city)', d);
      cityTotal = page.total;
      return page.rows;
    });
    if (districtTotal === 0 || districtTotal >= cityTotal) {
      throw new Error(`scope looks wrong: district admin sees ${districtTotal} users, city admin ${cityTotal}`);
    }
    const areaTree = await measureQuery(
      baseUrl,
      districtCookie,
      'org.areaTree',
      undefined,
      TREE_CALLS,
      (d) => expectArray('org.areaTree', d).length,
    );
    const gridAreas = await measureQuery(baseUrl, districtCookie, 'geo.areas', { level: 'grid' }, TREE_CALLS, (d) =>
      featureCount('geo.areas', d),
    );
    return {
      login: loginSummary,
      bcryptCompare,
      usersListDistrict: { ...usersListDistrict, total: districtTotal },
      usersListCity: { ...usersListCity, total: cityTotal },
      areaTree,
      gridAreas,
    };
  } finally {
    await server.close();
  }
}
