import { rowsOf } from '@citygov/db/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';

let app: TestApp;
let linjiang: Awaited<ReturnType<typeof pointIn>>;
let caseNo = '';

beforeAll(async () => {
  app = await openTestApp();
  linjiang = await pointIn(app, '临江区');
  const made = await (await app.as('linjiang.collector')).cases.report({
    ...SAMPLE_REPORT,
    ...linjiang,
    description: '青石板人行道路面塌陷形成深坑，夜间行人容易绊倒',
    address: '临江区翠微巷十七号对面',
  });
  caseNo = made.caseNo;
});
afterAll(() => app?.close());

async function search(username: string, q: string, extra: Record<string, unknown> = {}) {
  return (await app.as(username)).search.cases({ q, ...extra });
}

describe('综合查询', () => {
  it('finds a case by a Chinese phrase of its description or address', async () => {
    const byWords = await search('linjiang.shift_lead', '路面塌陷');
    expect(byWords.mode).toBe('exact');
    expect(byWords.rows.map((r) => r.caseNo)).toContain(caseNo);
    const byAddress = await search('linjiang.shift_lead', '翠微巷');
    expect(byAddress.rows.map((r) => r.caseNo)).toContain(caseNo);
  });

  it('falls back to fuzzy matching when no case holds every word', async () => {
    const loose = await search('linjiang.shift_lead', '青石板塌陷坑洼积水');
    expect(loose.rows.map((r) => r.caseNo)).toContain(caseNo);
  });

  it('applies the status filter and the viewer scope', async () => {
    const closedOnly = await search('linjiang.shift_lead', '路面塌陷', { statuses: ['closed'] });
    expect(closedOnly.rows.map((r) => r.caseNo)).not.toContain(caseNo);
    const otherDistrict = await search('yunshan.shift_lead', '翠微巷');
    expect(otherDistrict.rows.map((r) => r.caseNo)).not.toContain(caseNo);
    const city = await search('leader', '翠微巷');
    expect(city.rows.map((r) => r.caseNo)).toContain(caseNo);
  });

  it('lists matches newest first, page by page, past newer matches outside the viewer scope', async () => {
    const yunshan = await pointIn(app, '云山区');
    const phrase = '紫藤花架倒伏';
    const report = async (username: string, point: typeof linjiang, i: number) =>
      (
        await (
          await app.as(username)
        ).cases.report({
          ...SAMPLE_REPORT,
          ...point,
          description: `${phrase}第${i}处`,
          confirmedDistinct: true,
        })
      ).caseNo;
    const mine: string[] = [];
    for (let i = 1; i <= 6; i++) mine.push(await report('linjiang.collector', linjiang, i));
    // The newest two matches lie in another district.
    const theirs = [await report('yunshan.collector', yunshan, 7), await report('yunshan.collector', yunshan, 8)];

    const first = await search('linjiang.shift_lead', phrase, { pageSize: 5 });
    expect(first.rows.map((r) => r.caseNo)).toEqual(mine.slice(1).reverse());
    expect(first.total).toBe(6);
    const second = await search('linjiang.shift_lead', phrase, { pageSize: 5, page: 2 });
    expect(second.rows.map((r) => r.caseNo)).toEqual([mine[0]]);
    const city = await search('leader', phrase, { pageSize: 5 });
    expect(city.rows.map((r) => r.caseNo)).toEqual([...theirs.reverse(), mine[5], mine[4], mine[3]]);
    expect(city.total).toBe(8);
  });

  it('ranks the closest case even when thousands of earlier cases share one common pair with the phrase', async () => {
    // 2,100 earlier cases in the same district whose text shares only 垃圾 with the phrase:
    // more than one read of candidates holds, and all found before the closest case.
    const columns = rowsOf<{ column_name: string }>(
      await app.db.execute(sql`select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = 'cases' and is_generated = 'NEVER'
          and is_identity = 'NO' and column_default is null and column_name not in ('case_no', 'description')`),
    ).map((c) => sql.identifier(c.column_name));
    const list = sql.join(columns, sql`, `);
    await app.db.execute(sql`insert into cases (case_no, description, ${list})
      select 'F' || lpad(g::text, 11, '0'), '路边垃圾', ${list}
      from cases, generate_series(1, 2100) g where case_no = ${caseNo}`);
    await app.db.execute(sql`insert into case_search (case_id, tokens)
      select id, array_to_tsvector(array['路边', '边垃', '垃圾']) from cases where case_no like 'F%'`);
    const closest = await (await app.as('linjiang.collector')).cases.report({
      ...SAMPLE_REPORT,
      ...linjiang,
      description: '小区门口垃圾桶破损倾倒多日无人处理',
      confirmedDistinct: true,
    });

    const found = await search('linjiang.shift_lead', '垃圾桶破损倾倒无人管');
    expect(found.mode).toBe('fuzzy');
    expect(found.rows[0]?.caseNo).toBe(closest.caseNo);
  });

  it('refuses an empty phrase with a Chinese message', async () => {
    const refused = await failure(search('leader', '   '));
    expect(refused.message).toContain('请输入要查找的内容');
  });
});
