import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { cases } from './cases';

/**
 * API keys of Open311 GeoReport v2 clients (apps, the 12345 hotline bridge, the public
 * web page). Only the SHA-256 of a key is kept; the key is shown once when created.
 */
export const open311ApiKeys = pgTable(
  'open311_api_keys',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, so an administrator can tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    /**
     * The key itself, only for the key the public web page hands to every browser
     * (it is public by design); null for every other key.
     */
    publishedKey: text('published_key'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('open311_api_keys_hash_uq').on(t.keyHash), uniqueIndex('open311_api_keys_name_uq').on(t.name)],
);

/**
 * What an Open311 client sent with a case beyond the case itself: who reported it
 * (contact details stay here, never in public answers), the key used and the media link.
 */
export const open311Requests = pgTable(
  'open311_requests',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    apiKeyId: integer('api_key_id')
      .notNull()
      .references(() => open311ApiKeys.id),
    serviceCode: text('service_code').notNull(),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    addressString: text('address_string'),
    mediaUrl: text('media_url'),
    email: text('email'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
    deviceId: text('device_id'),
    accountId: text('account_id'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Requests sent with one key (usage per client, revoking a misbehaving one).
  (t) => [index('open311_requests_key_idx').on(t.apiKeyId, t.createdAt)],
);
