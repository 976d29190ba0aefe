import type { Queryable } from '@citygov/db/client';
import { passwordHistory, users } from '@citygov/db/schema/auth';
import { type PasswordPolicy, passwordProblems } from '@citygov/domain/auth/password-policy';
import { ValidationError } from '@citygov/domain/errors';
import bcrypt from 'bcryptjs';
import { and, desc, eq, notInArray } from 'drizzle-orm';

export const BCRYPT_COST = 10;

/** The input field a refused password is reported on ("password", "newPassword"). */
export type PasswordField = 'password' | 'newPassword';

function policyError(message: string, field: PasswordField) {
  return new ValidationError(message, { code: 'PASSWORD_POLICY', field });
}

/** Refuses a password that breaks the policy's rules (all problems, in one message). */
export function requirePasswordPolicy(
  password: string,
  username: string,
  policy: PasswordPolicy,
  field: PasswordField,
) {
  const problems = passwordProblems(password, username, policy);
  if (problems.length > 0) throw policyError(problems.join('；'), field);
}

/** Refuses a password equal to the current one or one of the last `historySize`. */
async function requireNotRecent(
  db: Queryable,
  userId: number,
  password: string,
  policy: PasswordPolicy,
  field: PasswordField,
) {
  if (policy.historySize <= 0) return;
  const [current] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  const recent = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(policy.historySize);
  const hashes = new Set([...(current ? [current.hash] : []), ...recent.map((r) => r.hash)]);
  const matches = await Promise.all([...hashes].map((hash) => bcrypt.compare(password, hash)));
  if (matches.some(Boolean)) {
    throw policyError(`不能与最近 ${policy.historySize} 次使用过的密码相同`, field);
  }
}

/** Records a newly set password hash and forgets those beyond the history size. */
export async function rememberPassword(db: Queryable, userId: number, hash: string, policy: PasswordPolicy) {
  await db.insert(passwordHistory).values({ userId, passwordHash: hash });
  const kept = await db
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(policy.historySize);
  await db.delete(passwordHistory).where(
    and(
      eq(passwordHistory.userId, userId),
      kept.length > 0
        ? notInArray(
            passwordHistory.id,
            kept.map((k) => k.id),
          )
        : undefined,
    ),
  );
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/**
 * Sets a user's password on every path (admin reset, self-service change, change at an
 * expired login): the rules, no reuse of a recent one, the hash, the history, the date.
 */
export async function setUserPassword(
  db: Queryable,
  user: { id: number; username: string },
  password: string,
  policy: PasswordPolicy,
  field: PasswordField,
) {
  requirePasswordPolicy(password, user.username, policy, field);
  await requireNotRecent(db, user.id, password, policy, field);
  const hash = await hashPassword(password);
  await db
    .update(users)
    .set({ passwordHash: hash, passwordChangedAt: new Date(), updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await rememberPassword(db, user.id, hash, policy);
}
