import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '@citygov/db/client';
import { open311ApiKeys } from '@citygov/db/schema/open311';
import { and, asc, eq } from 'drizzle-orm';

export interface ApiKeyRow {
  id: number;
  name: string;
  keyPrefix: string;
  /** Set only for the public web page's key, which every browser receives. */
  published: boolean;
}

/** The key demo installations accept (documented like the demo passwords); never created without the demo seed. */
export const DEMO_API_KEY = 'citygov-open311-demo-key';
export const DEMO_KEY_NAME = '演示客户端（demo）';
/** The key the citizen web page (/public/report) sends; created on first use and published. */
export const PUBLIC_WEB_KEY_NAME = '公众随手拍网页（public web）';

const MAX_KEY_CHARS = 200;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function newKey(): string {
  return `o311_${randomBytes(24).toString('base64url')}`;
}

/** The active key row for a presented key, or null (unknown, revoked, or not a plausible key). */
export async function findActiveKey(db: Queryable, key: string): Promise<ApiKeyRow | null> {
  if (!key || key.length > MAX_KEY_CHARS) return null;
  const [row] = await db
    .select({
      id: open311ApiKeys.id,
      name: open311ApiKeys.name,
      keyPrefix: open311ApiKeys.keyPrefix,
      publishedKey: open311ApiKeys.publishedKey,
    })
    .from(open311ApiKeys)
    .where(and(eq(open311ApiKeys.keyHash, hashApiKey(key)), eq(open311ApiKeys.active, true)));
  if (!row) return null;
  return { id: row.id, name: row.name, keyPrefix: row.keyPrefix, published: row.publishedKey !== null };
}

/**
 * Creates a key for a client and returns it: the only time it is ever readable, since
 * the table keeps its hash. Names are unique (one key per client makes revoking simple).
 */
export async function createApiKey(db: Queryable, name: string, key: string = newKey()) {
  const [row] = await db
    .insert(open311ApiKeys)
    .values({ name, keyHash: hashApiKey(key), keyPrefix: key.slice(0, 9) })
    .returning({ id: open311ApiKeys.id, name: open311ApiKeys.name });
  if (!row) throw new Error('insert into open311_api_keys returned no row');
  return { ...row, key };
}

export async function setApiKeyActive(db: Queryable, name: string, active: boolean): Promise<boolean> {
  const rows = await db
    .update(open311ApiKeys)
    .set({ active })
    .where(eq(open311ApiKeys.name, name))
    .returning({ id: open311ApiKeys.id });
  return rows.length > 0;
}

export async function listApiKeys(db: Queryable) {
  return db
    .select({
      id: open311ApiKeys.id,
      name: open311ApiKeys.name,
      keyPrefix: open311ApiKeys.keyPrefix,
      active: open311ApiKeys.active,
      createdAt: open311ApiKeys.createdAt,
      lastUsedAt: open311ApiKeys.lastUsedAt,
    })
    .from(open311ApiKeys)
    .orderBy(asc(open311ApiKeys.id));
}

/** The demo key, for demo installations only (the caller checks the demo seed is on). Idempotent. */
export async function ensureDemoApiKey(db: Queryable): Promise<void> {
  await db
    .insert(open311ApiKeys)
    .values({ name: DEMO_KEY_NAME, keyHash: hashApiKey(DEMO_API_KEY), keyPrefix: DEMO_API_KEY.slice(0, 9) })
    .onConflictDoNothing();
}

/**
 * The public web page's key: made once, then read back. Null while an administrator
 * has revoked it (the page then cannot report); `rotatePublicWebKey` replaces it.
 */
export async function publicWebKey(db: Queryable): Promise<string | null> {
  const read = async () => {
    const [row] = await db
      .select({ key: open311ApiKeys.publishedKey, active: open311ApiKeys.active })
      .from(open311ApiKeys)
      .where(eq(open311ApiKeys.name, PUBLIC_WEB_KEY_NAME));
    return row;
  };
  const existing = await read();
  if (existing) return existing.active ? existing.key : null;
  const key = newKey();
  await db
    .insert(open311ApiKeys)
    .values({ name: PUBLIC_WEB_KEY_NAME, keyHash: hashApiKey(key), keyPrefix: key.slice(0, 9), publishedKey: key })
    .onConflictDoNothing();
  // Another request may have won the race; whichever row exists is the key.
  const row = await read();
  return row?.active ? row.key : null;
}

/** A new public web key in place of the old one (which stops working at once). */
export async function rotatePublicWebKey(db: Queryable): Promise<string | null> {
  const key = newKey();
  const rows = await db
    .update(open311ApiKeys)
    .set({ keyHash: hashApiKey(key), keyPrefix: key.slice(0, 9), publishedKey: key, active: true })
    .where(eq(open311ApiKeys.name, PUBLIC_WEB_KEY_NAME))
    .returning({ id: open311ApiKeys.id });
  return rows.length > 0 ? key : publicWebKey(db);
}

export async function touchApiKey(db: Queryable, id: number, now: Date): Promise<void> {
  await db.update(open311ApiKeys).set({ lastUsedAt: now }).where(eq(open311ApiKeys.id, id));
}
