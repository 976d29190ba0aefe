import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { oneOf } from './one-of';

export const EXTERNAL_ACCOUNT_PROVIDERS = ['zzd'] as const;

/**
 * A staff account's identity in an outside sign-in system (浙政钉: its accountId and
 * employeeCode). An 浙政钉 user signs in without a password once a row binds them; the first
 * time, they bind by signing in with our password (`bound_by` = 'password'). One outside
 * account per user and provider, one user per outside account.
 */
export const externalAccounts = pgTable(
  'external_accounts',
  {
    id: serial('id').primaryKey(),
    provider: text('provider', { enum: EXTERNAL_ACCOUNT_PROVIDERS }).notNull(),
    accountId: text('account_id').notNull(),
    employeeCode: text('employee_code'),
    /** The name the outside system knows, for the admin's list. */
    displayName: text('display_name').notNull().default(''),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    boundBy: text('bound_by', { enum: ['seed', 'password', 'admin'] }).notNull(),
    boundAt: timestamp('bound_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    // Sign-in: the outside account id the code resolves to.
    uniqueIndex('external_accounts_account_uq').on(t.provider, t.accountId),
    // Work notifications: the outside id of each recipient user.
    uniqueIndex('external_accounts_user_uq').on(t.provider, t.userId),
    // Sign-in fallback: the employee code, when the account id is not bound yet.
    index('external_accounts_employee_idx').on(t.provider, t.employeeCode),
    check('external_accounts_provider_check', oneOf(t.provider, EXTERNAL_ACCOUNT_PROVIDERS)),
    check('external_accounts_bound_by_check', oneOf(t.boundBy, ['seed', 'password', 'admin'])),
  ],
);

/**
 * 浙里办 sign-ins of citizens on the public pages. Citizens are not staff users: the row
 * only remembers who they are (to prefill name and phone) for a few hours. The cookie
 * holds a random token, the table its SHA-256.
 */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    id: text('id').primaryKey(),
    provider: text('provider', { enum: ['zlb'] }).notNull(),
    externalUserId: text('external_user_id').notNull(),
    name: text('name').notNull().default(''),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  // Sweeping expired sign-ins.
  (t) => [index('citizen_sessions_expires_idx').on(t.expiresAt)],
);

/**
 * One-time SMS login codes (短信验证码登录). The code is stored hashed; a code allows a few
 * tries and lives a few minutes.
 */
export const smsLoginCodes = pgTable(
  'sms_login_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    phone: text('phone').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  // Checking a code: the newest of a number.
  (t) => [
    index('sms_login_codes_phone_idx').on(t.phone, t.createdAt),
    check('sms_login_codes_attempts_check', sql`${t.attempts} >= 0`),
  ],
);
