/**
 * Login throttling (登录失败处理), decided on three counters that the server reads under
 * a row lock, so parallel guesses are counted one by one:
 *
 * - `pair` — one account name tried from one source address. After `pairLimit` password
 *   checks without a success the pair is locked for `lockoutMs`. A stranger's guesses
 *   lock the stranger's own pair, never the account as such.
 * - `address` — one source address across all names. After `addressLimit` checks it is
 *   locked, so one machine cannot spray many accounts.
 * - `account` — one name from every address. After `accountSlowdownAfter` checks the
 *   account is slowed, not locked: addresses it is not used from get one check per
 *   `accountSlowdownMs` between them, until it has been quiet for `lockoutMs`.
 *
 * An address the account signed in from successfully within `trustedForMs` (its usual
 * address) is exempt from the address lock and the slow-down: only its own pair lock
 * applies, so the user at their desk still gets in while others guess.
 *
 * Checks are counted when they are claimed, before the password is compared, so no
 * more than the limit are ever compared; a success hands its own claim back.
 * The counters work on the name as typed, whether or not such an account exists, so
 * the answers never tell a real username from an unknown one.
 */
export interface LoginThrottlePolicy {
  pairLimit: number;
  addressLimit: number;
  accountSlowdownAfter: number;
  accountSlowdownMs: number;
  lockoutMs: number;
  trustedForMs: number;
}

export const TRUSTED_ADDRESS_MS = 90 * 86_400_000;

export interface ThrottleCounter {
  /** Password checks claimed in the current window and not handed back by a success. */
  attempts: number;
  windowStartedAt: Date;
  /** pair, address: locked until; account: slowed until. */
  blockedUntil: Date | null;
  /** account only: the earliest next check from an address that is not the usual one. */
  nextAttemptAt: Date | null;
  /** pair only: the last successful sign-in from this address (its "usual address" mark). */
  lastSuccessAt: Date | null;
}

export interface ThrottleCounters {
  pair: ThrottleCounter;
  address: ThrottleCounter;
  account: ThrottleCounter;
}

export type ThrottleKind = keyof ThrottleCounters;

export type AttemptDecision =
  | { allowed: false; by: ThrottleKind; retryAfterMs: number }
  | {
      allowed: true;
      next: ThrottleCounters;
      trusted: boolean;
      /** Checks left before this pair or address is locked, were this one to fail. */
      remainingTries: number;
      /** This claim locked the address (undone if the password turns out right). */
      lockedAddress: boolean;
    };

export function emptyCounter(now: Date): ThrottleCounter {
  return { attempts: 0, windowStartedAt: now, blockedUntil: null, nextAttemptAt: null, lastSuccessAt: null };
}

const after = (at: Date | null, now: Date) => at !== null && at.getTime() > now.getTime();

/** A counter whose window and block have both run out starts again (keeping the usual-address mark). */
function freshen(counter: ThrottleCounter, now: Date, policy: LoginThrottlePolicy): ThrottleCounter {
  const windowOver = now.getTime() - counter.windowStartedAt.getTime() >= policy.lockoutMs;
  if (windowOver && !after(counter.blockedUntil, now)) {
    return { ...emptyCounter(now), lastSuccessAt: counter.lastSuccessAt };
  }
  return counter;
}

function isTrusted(pair: ThrottleCounter, now: Date, policy: LoginThrottlePolicy): boolean {
  return pair.lastSuccessAt !== null && now.getTime() - pair.lastSuccessAt.getTime() < policy.trustedForMs;
}

const msUntil = (at: Date, now: Date) => at.getTime() - now.getTime();

/** Whether one more password check may run now, and the counters with it claimed. */
export function planLoginAttempt(current: ThrottleCounters, now: Date, policy: LoginThrottlePolicy): AttemptDecision {
  const pair = freshen(current.pair, now, policy);
  const address = freshen(current.address, now, policy);
  const account = freshen(current.account, now, policy);
  const trusted = isTrusted(pair, now, policy);

  if (pair.blockedUntil && after(pair.blockedUntil, now)) {
    return { allowed: false, by: 'pair', retryAfterMs: msUntil(pair.blockedUntil, now) };
  }
  if (!trusted && address.blockedUntil && after(address.blockedUntil, now)) {
    return { allowed: false, by: 'address', retryAfterMs: msUntil(address.blockedUntil, now) };
  }
  const slowed = account.attempts >= policy.accountSlowdownAfter;
  if (!trusted && slowed && account.nextAttemptAt && after(account.nextAttemptAt, now)) {
    return { allowed: false, by: 'account', retryAfterMs: msUntil(account.nextAttemptAt, now) };
  }

  const lockUntil = new Date(now.getTime() + policy.lockoutMs);
  const pairAttempts = pair.attempts + 1;
  const addressAttempts = address.attempts + 1;
  const accountAttempts = account.attempts + 1;
  const lockedAddress = addressAttempts >= policy.addressLimit && !after(address.blockedUntil, now);
  const next: ThrottleCounters = {
    pair: { ...pair, attempts: pairAttempts, blockedUntil: pairAttempts >= policy.pairLimit ? lockUntil : null },
    address: { ...address, attempts: addressAttempts, blockedUntil: lockedAddress ? lockUntil : address.blockedUntil },
    account: {
      ...account,
      attempts: accountAttempts,
      // Slowed until the account has been left alone for a whole window.
      blockedUntil: accountAttempts >= policy.accountSlowdownAfter ? lockUntil : account.blockedUntil,
      nextAttemptAt: slowed && !trusted ? new Date(now.getTime() + policy.accountSlowdownMs) : account.nextAttemptAt,
    },
  };
  const pairLeft = policy.pairLimit - pairAttempts;
  const addressLeft = trusted ? pairLeft : policy.addressLimit - addressAttempts;
  return { allowed: true, next, trusted, remainingTries: Math.max(0, Math.min(pairLeft, addressLeft)), lockedAddress };
}

/**
 * After the right password: the pair starts again and becomes a usual address, and the
 * address and account counters get this check back (a lock this very check set on the
 * address is lifted again).
 */
export function settleSuccessfulLogin(
  current: ThrottleCounters,
  claim: { lockedAddress: boolean },
  now: Date,
  policy: LoginThrottlePolicy,
): ThrottleCounters {
  const addressAttempts = Math.max(0, current.address.attempts - 1);
  return {
    pair: { ...emptyCounter(now), lastSuccessAt: now },
    address: {
      ...current.address,
      attempts: addressAttempts,
      blockedUntil: claim.lockedAddress && addressAttempts < policy.addressLimit ? null : current.address.blockedUntil,
    },
    account: { ...current.account, attempts: Math.max(0, current.account.attempts - 1) },
  };
}

function minutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/** The one message for every throttled attempt, whichever counter refused it. */
export function throttledMessage(retryAfterMs: number): string {
  return `尝试次数过多，请 ${minutes(retryAfterMs)} 分钟后再试`;
}

/** A wrong password (or unknown name: the same words), with the tries left from this address. */
export function wrongPasswordMessage(remainingTries: number, lockoutMs: number): string {
  return `用户名或密码错误，再错 ${remainingTries} 次将暂停登录 ${minutes(lockoutMs)} 分钟`;
}
