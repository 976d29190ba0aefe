import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { users } from '@citygov/db/schema/auth';
import { caseAttachments, caseDepartments, cases } from '@citygov/db/schema/cases';
import { areas, departments } from '@citygov/db/schema/org';
import { and, eq, like, not } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveServer, SAME_ORIGIN_HEADERS, startLiveServer } from '../../testing/live-server';
import { openTestApp, type TestApp } from '../../testing/test-app';
import type { UploadResponse } from './upload-attachment';

// "You may fetch an attachment iff you may open its case": every path to the bytes is
// checked against cases.byId, for cases placed to fall inside or outside each scope.

let app: TestApp;
let server: LiveServer;
let dataDir: string;

beforeAll(async () => {
  app = await openTestApp();
  dataDir = await mkdtemp(join(tmpdir(), 'citygov-attachment-scope-'));
  server = await startLiveServer(app.db, { ...app.config, dataDir });
});

afterAll(async () => {
  await server?.close();
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function userRow(username: string) {
  const [row] = await app.db
    .select({ id: users.id, departmentId: users.departmentId, areaPath: areas.path })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row;
}

/** The first grid under `insidePath`, optionally not under `outsidePath`. */
async function gridUnder(insidePath: string, outsidePath?: string) {
  const [grid] = await app.db
    .select({ id: areas.id, path: areas.path })
    .from(areas)
    .where(
      and(
        eq(areas.level, 'grid'),
        like(areas.path, `${insidePath}%`),
        outsidePath ? not(like(areas.path, `${outsidePath}%`)) : undefined,
      ),
    )
    .orderBy(areas.id)
    .limit(1);
  if (!grid) throw new Error(`no grid under ${insidePath}`);
  return grid;
}

let caseSeq = 0;
async function insertCase(
  grid: { id: number; path: string },
  extra: { leadDepartmentId?: number | null; reportedBy?: number } = {},
): Promise<number> {
  const [, districtId, streetId, communityId] = grid.path.split('/').filter(Boolean).map(Number);
  if (!districtId || !streetId || !communityId) throw new Error(`unexpected grid path ${grid.path}`);
  caseSeq += 1;
  const [row] = await app.db
    .insert(cases)
    .values({
      caseNo: `2026SCOPE${String(caseSeq).padStart(4, '0')}`,
      source: 'collector',
      kind: 'event',
      categoryCode: '0101',
      urgency: 'normal',
      description: '附件范围测试案件',
      address: '测试地址',
      lng: 120,
      lat: 30,
      gridId: grid.id,
      communityId,
      streetId,
      districtId,
      status: extra.leadDepartmentId ? 'dispatched' : 'reported',
      leadDepartmentId: extra.leadDepartmentId ?? null,
      reportedBy: extra.reportedBy ?? null,
    })
    .returning({ id: cases.id });
  if (!row) throw new Error('case insert returned nothing');
  return row.id;
}

const CASES = [
  'ownDepartment',
  'otherDepartment',
  'assisted',
  'otherStreet',
  'otherStreetMine',
  'otherDistrict',
] as const;
type CaseName = (typeof CASES)[number];
const caseIds = {} as Record<CaseName, number>;
const photos = {} as Record<CaseName, number>;

describe('attachments follow the case scope', () => {
  beforeAll(async () => {
    const handler = await userRow('linjiang.dept_handler');
    const collector = await userRow('linjiang.collector');
    const hubin = await userRow('hubin.shift_lead');
    const districtPath = handler.areaPath;
    const [ownDepartment] = await app.db
      .select()
      .from(departments)
      .where(eq(departments.id, handler.departmentId ?? 0));
    const [otherDepartment] = await app.db
      .select({ id: departments.id })
      .from(departments)
      .innerJoin(areas, eq(areas.id, departments.areaId))
      .where(
        and(
          eq(departments.kind, 'professional'),
          like(areas.path, `${districtPath}%`),
          not(like(departments.path, `${ownDepartment?.path ?? '-'}%`)),
        ),
      )
      .limit(1);
    if (!ownDepartment || !otherDepartment) throw new Error('seed has no two departments in linjiang');

    const streetGrid = await gridUnder(collector.areaPath);
    const otherStreetGrid = await gridUnder(districtPath, collector.areaPath);
    const hubinGrid = await gridUnder(hubin.areaPath);
    caseIds.ownDepartment = await insertCase(streetGrid, { leadDepartmentId: ownDepartment.id });
    caseIds.otherDepartment = await insertCase(streetGrid, { leadDepartmentId: otherDepartment.id });
    caseIds.assisted = await insertCase(streetGrid, { leadDepartmentId: otherDepartment.id });
    await app.db
      .insert(caseDepartments)
      .values({ caseId: caseIds.assisted, departmentId: ownDepartment.id, role: 'assist' });
    caseIds.otherStreet = await insertCase(otherStreetGrid, { leadDepartmentId: otherDepartment.id });
    caseIds.otherStreetMine = await insertCase(otherStreetGrid, { reportedBy: collector.id });
    caseIds.otherDistrict = await insertCase(hubinGrid);

    // One real photo on disk (stored by content), one attachment row per case pointing at it.
    const form = new FormData();
    form.append('purpose', 'report');
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3070a0' } })
      .png()
      .toBuffer();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'p.png');
    const res = await fetch(`${server.base}/api/attachments`, {
      method: 'POST',
      body: form,
      headers: { cookie: await server.signIn('linjiang.collector'), ...SAME_ORIGIN_HEADERS },
    });
    expect(res.status).toBe(201);
    const uploaded = (await res.json()) as UploadResponse;
    const [stored] = await app.db.select().from(caseAttachments).where(eq(caseAttachments.id, uploaded.id));
    if (!stored) throw new Error('upload row missing');
    for (const name of CASES) {
      const { id: _id, caseId: _caseId, ...copy } = stored;
      const [row] = await app.db
        .insert(caseAttachments)
        .values({ ...copy, caseId: caseIds[name] })
        .returning({ id: caseAttachments.id });
      if (!row) throw new Error('attachment insert returned nothing');
      photos[name] = row.id;
    }
  });

  /** Status of each path to the bytes of one attachment, as one user. */
  async function fetchAll(username: string, attachmentId: number) {
    const cookie = await server.signIn(username);
    const url = `${server.base}/api/attachments/${attachmentId}`;
    const [original, thumb, range, head] = await Promise.all([
      fetch(url, { headers: { cookie } }),
      fetch(`${url}/thumb`, { headers: { cookie } }),
      fetch(url, { headers: { cookie, range: 'bytes=0-9' } }),
      fetch(url, { method: 'HEAD', headers: { cookie } }),
    ]);
    return { original: original.status, thumb: thumb.status, range: range.status, head: head.status };
  }

  async function opensCase(username: string, caseId: number): Promise<boolean> {
    const caller = await app.as(username);
    return caller.cases.byId({ id: caseId }).then(
      () => true,
      () => false,
    );
  }

  const VISIBLE = { original: 200, thumb: 200, range: 206, head: 200 };
  const HIDDEN = { original: 404, thumb: 404, range: 404, head: 404 };

  it('a department handler gets only their own and assisted cases’ photos', async () => {
    const expected: Record<CaseName, boolean> = {
      ownDepartment: true,
      otherDepartment: false,
      assisted: true,
      otherStreet: false,
      otherStreetMine: false,
      otherDistrict: false,
    };
    for (const name of CASES) {
      expect({ name, ...(await fetchAll('linjiang.dept_handler', photos[name])) }).toEqual({
        name,
        ...(expected[name] ? VISIBLE : HIDDEN),
      });
    }
  });

  it('a collector gets photos of cases in their street and of what they reported', async () => {
    const expected: Record<CaseName, boolean> = {
      ownDepartment: true,
      otherDepartment: true,
      assisted: true,
      otherStreet: false,
      otherStreetMine: true,
      otherDistrict: false,
    };
    for (const name of CASES) {
      expect({ name, ...(await fetchAll('linjiang.collector', photos[name])) }).toEqual({
        name,
        ...(expected[name] ? VISIBLE : HIDDEN),
      });
    }
  });

  it.each([
    'linjiang.dept_handler',
    'linjiang.collector',
    'linjiang.street_chief',
    'linjiang.shift_lead',
    'linjiang.leader',
    'hubin.shift_lead',
    'hubin.dept_handler',
    'leader',
    'admin',
  ])('%s may fetch a photo exactly when cases.byId opens its case', async (username) => {
    for (const name of CASES) {
      const opens = await opensCase(username, caseIds[name]);
      expect({ name, ...(await fetchAll(username, photos[name])) }).toEqual({ name, ...(opens ? VISIBLE : HIDDEN) });
    }
  });
});
