/**
 * The duplicate search reads open originals of any age, yet never the whole cases table:
 * with sequential scans priced out, its plan reaches `cases` only through the lat/lng
 * indexes (the box bounds the rows read whatever the window).
 */
import { rowsOf } from '@citygov/db/client';
import { boundingBox, DEFAULT_DUPLICATE_THRESHOLDS } from '@citygov/domain/intake/duplicate-score';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { pointIn } from '../cases/case-test-helpers';
import { candidatesNear } from './find-duplicates';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

describe('duplicate search plan', () => {
  it('reaches the cases table only through its lat/lng indexes', async () => {
    const here = await pointIn(app, '临江区');
    const windowMs = DEFAULT_DUPLICATE_THRESHOLDS.windowDays * 24 * 3_600_000;
    const query = { kind: 'event' as const, categoryCode: '06042', description: '垃圾箱满溢', ...here };
    const box = boundingBox(here.lng, here.lat, DEFAULT_DUPLICATE_THRESHOLDS.searchRadiusM);
    const plan = await app.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const select = candidatesNear(tx, 'city', query, new Date(), windowMs, box, undefined);
      return rowsOf<Record<string, unknown>>(await tx.execute(sql`explain ${select}`));
    });
    const text = plan.map((row) => String(Object.values(row)[0])).join('\n');
    expect(text).toMatch(/cases_(open_)?lat_lng/);
    expect(text).not.toMatch(/Seq Scan on cases\b/);
  });
});
