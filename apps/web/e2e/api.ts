import { join } from 'node:path';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@citygov/domain/request-origin';
import { type APIRequestContext, type Page, request } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

// tRPC over HTTP for setting up what a test is not about (superjson: {"json": input}),
// each role with its own cookie jar; and optional screenshots for looking at.

export type Api = APIRequestContext;

/** What the web app adds to every POST; the server refuses state changes without it (CSRF). */
export const SAME_ORIGIN_HEADERS = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

export async function trpcMutation<T>(api: Api, path: string, input: unknown): Promise<T> {
  // Also when `api` is a page's own request context, which does not add the header by itself.
  const res = await api.post(`/trpc/${path}`, { data: { json: input }, headers: SAME_ORIGIN_HEADERS });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${JSON.stringify(body.error?.json?.message ?? body)}`);
  return body.result.data.json as T;
}

export async function trpcQuery<T>(api: Api, path: string, input?: unknown): Promise<T> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await api.get(`/trpc/${path}${query}`);
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${JSON.stringify(body.error?.json?.message ?? body)}`);
  return body.result.data.json as T;
}

export interface Me {
  id: number;
  departmentId: number | null;
}

/**
 * A 私搭乱建 (06001) event reported at a point, which its reporter says is a problem of its own,
 * so 智能判重 merges it into nothing: specs that need many open cases in one place.
 */
export function reportOwnProblem(
  api: Api,
  source: 'collector' | 'hotline',
  point: { lng: number; lat: number },
  description: string,
): Promise<{ id: number; caseNo: string }> {
  return trpcMutation(api, 'cases.report', {
    source,
    kind: 'event',
    categoryCode: '06001',
    description,
    ...point,
    confirmedDistinct: true,
  });
}

/** A signed-in API client for a demo account, and who it is. */
export async function apiAs(baseURL: string, username: string): Promise<{ api: Api; me: Me }> {
  // Only these API clients get the header by default; pages must show the web app sends it itself.
  const api = await request.newContext({ baseURL, extraHTTPHeaders: SAME_ORIGIN_HEADERS });
  const me = await trpcMutation<Me>(api, 'auth.login', { username, password: DEMO_PASSWORD });
  return { api, me };
}

/** One workflow action at the case's current version. */
export async function actOnCase(api: Api, caseId: number, action: string, extra: Record<string, unknown> = {}) {
  const { case: c } = await trpcQuery<{ case: { version: number } }>(api, 'cases.byId', { id: caseId });
  return trpcMutation<{ status: string; version: number }>(api, 'cases.act', {
    caseId,
    expectedVersion: c.version,
    action,
    ...extra,
  });
}

/** Set E2E_SHOTS=1 to also write screenshots (gitignored folder) for looking at. */
const SHOTS = process.env.E2E_SHOTS ? join(import.meta.dirname, '../../../screenshots') : null;

export async function shootIfAsked(page: Page, name: string) {
  if (!SHOTS) return;
  // A live HTTP-FLV picture never lets the network go idle: then shoot after a while anyway.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  // Finite CSS animations (a dialog opening) are run to their end, so the shot shows what stays on screen.
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}
