import { COLLECTION_SOURCE_KEYS, COLLECTION_STATUS_KEYS, type FieldDef } from '@citygov/domain/collection/forms';
import {
  bigint,
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { oneOf } from './one-of';
import { areas } from './org';

/**
 * An object type of 信息采集 (沿街商铺, 村庄, 社区, 物业小区, 流动摊贩, 涉事人员, 志愿者队伍)
 * with its form definition as data, and whether its records need 审核.
 */
export const collectionTypes = pgTable('collection_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  fields: jsonb('fields').$type<FieldDef[]>().notNull(),
  reviewRequired: boolean('review_required').notNull().default(true),
  position: integer('position').notNull().default(0),
  /** The current form version (`fields` is its copy); saving the form makes the next one. */
  formVersion: integer('form_version').notNull().default(1),
});

/** Every saved version of a type's form; a record is shown and checked with the version it was made with. */
export const collectionFormVersions = pgTable(
  'collection_form_versions',
  {
    typeCode: text('type_code')
      .notNull()
      .references(() => collectionTypes.code),
    version: integer('version').notNull(),
    fields: jsonb('fields').$type<FieldDef[]>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.typeCode, t.version] })],
);

/** One collected object: where it is, the form's values, its owner's phone and its state. */
export const collectionRecords = pgTable(
  'collection_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    typeCode: text('type_code')
      .notNull()
      .references(() => collectionTypes.code),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    /** The area's path, copied for scope filters. */
    areaPath: text('area_path').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    values: jsonb('values').$type<Record<string, string>>().notNull().default({}),
    ownerPhone: text('owner_phone'),
    status: text('status', { enum: COLLECTION_STATUS_KEYS }).notNull(),
    source: text('source', { enum: COLLECTION_SOURCE_KEYS }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    qrTokenId: bigint('qr_token_id', { mode: 'number' }),
    /** The form version the record was made with (collection_form_versions). */
    formVersion: integer('form_version').notNull().default(1),
    reviewNote: text('review_note'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    deregisterReason: text('deregister_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('collection_records_status_check', oneOf(t.status, COLLECTION_STATUS_KEYS)),
    check('collection_records_source_check', oneOf(t.source, COLLECTION_SOURCE_KEYS)),
    index('collection_records_type_idx').on(t.typeCode, t.status),
    index('collection_records_area_path_idx').on(t.areaPath),
    index('collection_records_owner_phone_idx').on(t.ownerPhone),
  ],
);

/** A QR code (二维码) that opens the self-registration page: per collector or per place. */
export const collectionQrTokens = pgTable(
  'collection_qr_tokens',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    token: text('token').notNull(),
    typeCode: text('type_code')
      .notNull()
      .references(() => collectionTypes.code),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    areaPath: text('area_path').notNull(),
    label: text('label').notNull(),
    /** Set for a collector's own code; null for a place's code. */
    collectorId: integer('collector_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('collection_qr_tokens_token_uq').on(t.token)],
);

/** Who saw which masked field of which record in full, and when. */
export const collectionReveals = pgTable(
  'collection_reveals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => collectionRecords.id, { onDelete: 'cascade' }),
    fieldKey: text('field_key').notNull(),
    viewerId: integer('viewer_id')
      .notNull()
      .references(() => users.id),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collection_reveals_record_idx').on(t.recordId)],
);

/** One-time SMS codes of record owners (/collect/me), stored hashed. */
export const collectionOwnerCodes = pgTable(
  'collection_owner_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('collection_owner_codes_phone_idx').on(t.phone, t.createdAt)],
);

/** An owner's sign-in on /collect/me (the cookie holds the token; the id is its hash). */
export const collectionOwnerSessions = pgTable('collection_owner_sessions', {
  id: text('id').primaryKey(),
  phone: text('phone').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
