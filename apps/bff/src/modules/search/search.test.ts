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

  it('refuses an empty phrase with a Chinese message', async () => {
    const refused = await failure(search('leader', '   '));
    expect(refused.message).toContain('请输入要查找的内容');
  });
});
