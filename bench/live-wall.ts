/**
 * What the command hall waits for, through the real HTTP stack after the many-cases load:
 * - change → wall: a case reported over HTTP (临江区's acceptor) until the district wall
 *   shows it — the event stream's notification reaches a case feed (as `wall.onChange`
 *   listens), the rollup catches up, and the wall's full refresh (`wall.view`, the
 *   district leader) answers with the case in its live list;
 * - the monthly report (月度分析报告): `analytics.view` for last month, as the page asks
 *   for it, city and district.
 * Run after the analytics bench, which has filled the rollup from the loaded cases.
 */
import { performance } from 'node:perf_hooks';
import { createCaseFeed } from '../apps/bff/src/modules/events/case-feed';
import { wallRollupOf } from '../apps/bff/src/modules/wall/wall-rollup-runner';
import type { OpenDatabase } from '../packages/db/src/client';
import { chinaDate } from '../packages/domain/src/deadlines/china-time';
import { login } from './auth-and-lists';
import { intakeCategory, loadTargets } from './case-intake';
import { measureLoop, type Summary, summarise } from './stats';
import { isRecord, startServer, trpcMutation, trpcQuery } from './trpc-http';

export const CHANGE_TO_WALL_CASES = 20;
const REPORT_CALLS = 10;
const WARMUP = 2;

export interface LiveWallFigures {
  changeToWall: Summary;
  month: string;
  reportCity: Summary;
  reportDistrict: Summary;
}

/** The month before today's (China time), as YYYY-MM. */
function lastMonth(now: Date): string {
  const [year, month] = chinaDate(now).slice(0, 7).split('-').map(Number) as [number, number];
  const index = year * 12 + month - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Resolves when the feed has passed on the report of a case, whichever comes first: the feed or the caller. */
function reportsHeard() {
  const waiting = new Map<number, () => void>();
  const heard = new Map<number, number>();
  return {
    hear(caseId: number) {
      heard.set(caseId, performance.now());
      waiting.get(caseId)?.();
    },
    heardAt(caseId: number): Promise<number> {
      return new Promise((resolve, reject) => {
        const at = heard.get(caseId);
        if (at !== undefined) return resolve(at);
        const timer = setTimeout(() => reject(new Error(`the case feed never passed on case ${caseId}`)), 30_000);
        waiting.set(caseId, () => {
          clearTimeout(timer);
          resolve(heard.get(caseId) as number);
        });
      });
    },
  };
}

export async function benchLiveWall(open: OpenDatabase): Promise<LiveWallFigures> {
  const [target] = await loadTargets(open);
  if (!target) throw new Error('no grid centre to report at');
  const category = await intakeCategory(open);
  const server = await startServer(open.db);
  const feed = createCaseFeed(open.db);
  const stop = new AbortController();
  const heard = reportsHeard();
  const listening = (async () => {
    for await (const change of feed.changes(stop.signal)) if (change.action === 'report') heard.hear(change.caseId);
  })().catch((error: unknown) => {
    if (!stop.signal.aborted) throw error;
  });
  try {
    const acceptor = await login(server.baseUrl, 'linjiang.acceptor');
    const districtLeader = await login(server.baseUrl, 'linjiang.leader');
    const cityLeader = await login(server.baseUrl, 'leader');
    const samples: number[] = [];
    for (let i = -WARMUP; i < CHANGE_TO_WALL_CASES; i++) {
      const started = performance.now();
      const { data } = await trpcMutation(
        server.baseUrl,
        'cases.report',
        {
          source: 'hotline',
          kind: 'event',
          categoryCode: category.code,
          urgency: 'normal',
          description: `大屏延迟测量：${target.gridName}附近${category.name}（第${i + WARMUP + 1}件）`,
          lng: target.lng,
          lat: target.lat,
          confirmedDistinct: true,
        },
        acceptor,
      );
      if (!isRecord(data) || typeof data.id !== 'number' || typeof data.caseNo !== 'string') {
        throw new Error(`cases.report: unexpected answer ${JSON.stringify(data)?.slice(0, 200)}`);
      }
      await heard.heardAt(data.id);
      await wallRollupOf(open.db).catchUp();
      const wall = await trpcQuery(server.baseUrl, 'wall.view', {}, districtLeader);
      // The measurement only counts if the refreshed wall really shows the new case.
      if (!JSON.stringify(wall.data).includes(data.caseNo)) {
        throw new Error(`wall.view after the change does not list ${data.caseNo}`);
      }
      if (i >= 0) samples.push(performance.now() - started);
    }
    const month = lastMonth(new Date());
    const report = (cookie: string) =>
      measureLoop(REPORT_CALLS, WARMUP, async () => {
        await trpcQuery(server.baseUrl, 'analytics.view', { scope: { from: month, to: month } }, cookie);
      });
    return {
      changeToWall: summarise(samples),
      month,
      reportCity: await report(cityLeader),
      reportDistrict: await report(districtLeader),
    };
  } finally {
    stop.abort();
    await listening;
    await feed.close();
    await server.close();
  }
}
