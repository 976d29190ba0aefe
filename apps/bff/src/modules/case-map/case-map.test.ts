import { areas } from '@citygov/db/schema/org';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';

let app: TestApp;
let linjiang: Awaited<ReturnType<typeof pointIn>>;
/** The centre of another grid of the same district, a few hundred metres off. */
let nearby = { lng: 0, lat: 0 };
let yunshan: Awaited<ReturnType<typeof pointIn>>;
let inside = 0;
let outside = 0;
let other = 0;

/** A square of side 2·d degrees around a point, as the map's 框选 sends it. */
function squareAround(p: { lng: number; lat: number }, d: number): [number, number][] {
  return [
    [p.lng - d, p.lat - d],
    [p.lng + d, p.lat - d],
    [p.lng + d, p.lat + d],
    [p.lng - d, p.lat + d],
  ];
}

beforeAll(async () => {
  app = await openTestApp();
  linjiang = await pointIn(app, '临江区');
  yunshan = await pointIn(app, '云山区');
  const [district] = await app.db.select().from(areas).where(eq(areas.name, '临江区'));
  const grids = await app.db
    .select()
    .from(areas)
    .where(and(eq(areas.level, 'grid'), like(areas.path, `${district?.path}%`)))
    .orderBy(asc(areas.code))
    .limit(2);
  nearby = { lng: grids[1]?.centerLng ?? 0, lat: grids[1]?.centerLat ?? 0 };
  const collector = await app.as('linjiang.collector');
  inside = (await collector.cases.report({ ...SAMPLE_REPORT, ...linjiang, description: '框选内的井盖缺失' })).id;
  outside = (
    await collector.cases.report({
      ...SAMPLE_REPORT,
      ...nearby,
      description: '框选外的垃圾堆放',
    })
  ).id;
  other = (
    await (
      await app.as('yunshan.collector')
    ).cases.report({
      ...SAMPLE_REPORT,
      ...yunshan,
      description: '另一区的案件',
    })
  ).id;
});
afterAll(() => app?.close());

async function points(username: string, input: Record<string, unknown> = {}) {
  return (await app.as(username)).caseMap.points(input);
}

describe('案件地图 points', () => {
  it('returns the case card fields of the cases in scope', async () => {
    const result = await points('linjiang.shift_lead');
    const ids = result.points.map((p) => p.id);
    expect(ids).toContain(inside);
    expect(ids).toContain(outside);
    const card = result.points.find((p) => p.id === inside);
    expect(card).toMatchObject({
      status: expect.any(String),
      address: expect.any(String),
      categoryName: expect.any(String),
    });
    expect(card?.caseNo).toMatch(/^\d{12}$/);
    expect(result.truncated).toBe(false);
  });

  it('never shows a district account another district’s cases; the city sees both', async () => {
    const district = await points('linjiang.shift_lead');
    expect(district.points.map((p) => p.id)).not.toContain(other);
    const otherDistrict = await points('yunshan.shift_lead');
    expect(otherDistrict.points.map((p) => p.id)).toContain(other);
    expect(otherDistrict.points.map((p) => p.id)).not.toContain(inside);
    // A polygon over the other district does not widen the scope.
    const reaching = await points('linjiang.shift_lead', { polygon: squareAround(yunshan, 0.01) });
    expect(reaching.points.map((p) => p.id)).not.toContain(other);
    const city = (await points('leader')).points.map((p) => p.id);
    expect(city).toEqual(expect.arrayContaining([inside, outside, other]));
  });

  it('filters by a drawn polygon on the server, and by the box', async () => {
    const drawn = await points('leader', { polygon: squareAround(linjiang, 0.002) });
    const ids = drawn.points.map((p) => p.id);
    expect(ids).toContain(inside);
    expect(ids).not.toContain(outside);
    expect(ids).not.toContain(other);
    // A thin triangle along the line from the first case to the second, fat at the second's
    // end: its box holds both cases, its area only the second.
    const dx = nearby.lng - linjiang.lng;
    const dy = nearby.lat - linjiang.lat;
    const triangle = [
      [linjiang.lng - dx * 0.2 + dy * 0.3, linjiang.lat - dy * 0.2 - dx * 0.3],
      [nearby.lng + dx * 0.2 - dy * 0.5, nearby.lat + dy * 0.2 + dx * 0.5],
      [nearby.lng + dx * 0.2 + dy * 0.5, nearby.lat + dy * 0.2 - dx * 0.5],
    ];
    const byTriangle = (await points('leader', { polygon: triangle })).points.map((p) => p.id);
    expect(byTriangle).toContain(outside);
    expect(byTriangle).not.toContain(inside);
    const [w, s, e, n] = [linjiang.lng - 0.001, linjiang.lat - 0.001, linjiang.lng + 0.001, linjiang.lat + 0.001];
    const byBox = (await points('leader', { bbox: [w, s, e, n] })).points.map((p) => p.id);
    expect(byBox).toContain(inside);
    expect(byBox).not.toContain(outside);
  });

  it('applies the status and date filters', async () => {
    const closed = await points('leader', { statuses: ['closed'], polygon: squareAround(linjiang, 0.002) });
    expect(closed.points.map((p) => p.id)).not.toContain(inside);
    const longAgo = await points('leader', { from: '2001-01-01', to: '2001-01-31' });
    expect(longAgo.points).toEqual([]);
  });

  it('filters by 关键词 through the search index, as /search matches, within the scope', async () => {
    const byWords = (await points('leader', { q: '井盖缺失' })).points.map((p) => p.id);
    expect(byWords).toContain(inside);
    expect(byWords).not.toContain(outside);
    expect(byWords).not.toContain(other);
    expect((await points('leader', { q: '井盖缺失' })).keyword).toBe('exact');
    // Every word must be found; together with the other filters.
    const bothWords = await points('leader', { q: '井盖 垃圾' });
    if (bothWords.keyword === 'exact') expect(bothWords.points.map((p) => p.id)).not.toContain(inside);
    expect((await points('leader', { q: '垃圾堆放', statuses: ['closed'] })).points.map((p) => p.id)).not.toContain(
      outside,
    );
    expect((await points('yunshan.shift_lead', { q: '井盖缺失' })).points.map((p) => p.id)).not.toContain(inside);
    // Nothing searchable in the phrase: nothing found, not every case.
    expect((await points('leader', { q: '，。！' })).points).toEqual([]);
    const long = await failure(points('leader', { q: '井'.repeat(51) }));
    expect(long.code).toBe('BAD_REQUEST');
    expect(long.message).toContain('关键词最多50个字');
  });

  it('falls back to 模糊匹配 when no case holds the 关键词 exactly, best match first, within the scope', async () => {
    // 井盖丢失 is not in 框选内的井盖缺失, but its pair 井盖 is.
    const loose = await points('leader', { q: '井盖丢失' });
    expect(loose.keyword).toBe('fuzzy');
    expect(loose.points.map((p) => p.id)).toContain(inside);
    expect(loose.points.map((p) => p.id)).not.toContain(other);
    // The case sharing more pairs ranks first: 框选外的垃圾堆放 shares 框选, 选外, 堆放, 垃圾;
    // 框选内的井盖缺失 only 框选.
    const typo = await points('leader', { q: '框选外堆放垃圾桶' });
    expect(typo.keyword).toBe('fuzzy');
    expect(typo.points[0]?.id).toBe(outside);
    expect(typo.points.map((p) => p.id)).toContain(inside);
    // Scope holds for the loose match too.
    const yunshanView = await points('yunshan.shift_lead', { q: '井盖丢失' });
    expect(yunshanView.points.map((p) => p.id)).not.toContain(inside);
    // Nothing to pair (no two Chinese characters in a row): nothing, not every case.
    expect((await points('leader', { q: 'zzqx' })).points).toEqual([]);
  });

  it('refuses bad input with BAD_REQUEST and a Chinese message', async () => {
    const flat = await failure(
      points('leader', {
        polygon: [
          [120, 30],
          [120.1, 30.1],
          [120.2, 30.2],
        ],
      }),
    );
    expect(flat.code).toBe('BAD_REQUEST');
    expect(flat.message).toContain('面积为零');
    const two = await failure(
      points('leader', {
        polygon: [
          [120, 30],
          [120.1, 30],
        ],
      }),
    );
    expect(two.code).toBe('BAD_REQUEST');
    expect(two.message).toContain('至少需要 3 个顶点');
    const lat = await failure(points('leader', { bbox: [120, 30, 121, 95] }));
    expect(lat.code).toBe('BAD_REQUEST');
    expect(lat.message).toContain('纬度超出范围');
    const dates = await failure(points('leader', { from: '2026-12-02', to: '2026-12-01' }));
    expect(dates.code).toBe('BAD_REQUEST');
    expect(dates.message).toContain('开始日期不能晚于结束日期');
  });

  it('is refused to a collector, who has no case.view', async () => {
    const refused = await failure(points('linjiang.collector'));
    expect(refused.code).toBe('FORBIDDEN');
  });
});
