import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { areas, departments } from './org';

/** Staff accounts. A user holds one role and is scoped to one area (and, for handlers, a department). */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    /** Post title shown to people (岗位), e.g. "东城区监督员". */
    position: text('position').notNull().default(''),
    phone: text('phone'),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    departmentId: integer('department_id').references(() => departments.id),
    active: boolean('active').notNull().default(true),
    /** When the current password was set; with PASSWORD_MAX_AGE_DAYS it must be changed after that many days. */
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    // Scoped user lists (admin of a district) join on area.
    index('users_area_idx').on(t.areaId),
    index('users_department_idx').on(t.departmentId),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /**
     * 'wall' for a command-hall kiosk session (大屏值守): it never idles out, lives until
     * WALL_KIOSK_MAX_DAYS, and may only read the wall (trpc/kiosk.ts); null for a normal session.
     */
    kiosk: text('kiosk', { enum: ['wall'] }),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    check('sessions_kiosk_check', sql`${t.kiosk} is null or ${t.kiosk} = 'wall'`),
  ],
);

/**
 * The hashes of a user's recent passwords (the current one included), so a new password
 * cannot repeat one of the last PASSWORD_HISTORY. Pruned to that many rows per user.
 */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Newest first per user: the reuse check and the pruning.
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Login throttle counters (see packages/domain/src/auth/login-throttle.ts), one row per
 * key: `pair:<name>@<address>`, `address:<address>`, `account:<name>`, the name lowercased
 * as typed whether or not such an account exists. Rows are read and written under a row
 * lock, so parallel attempts are counted one after another.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    key: text('key').primaryKey(),
    kind: text('kind').notNull(),
    /** The lowercased name, for pair and account rows: unlocking and "locked" lists look them up by it. */
    username: text('username'),
    attempts: integer('attempts').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A user's locks (the admin list, the to-do count, unlocking).
    index('login_throttles_username_idx').on(t.username),
    // Sweeping rows nobody has touched for a while.
    index('login_throttles_updated_idx').on(t.updatedAt),
  ],
);
