import { describe, expect, it } from 'vitest';
import {
  type AttemptDecision,
  emptyCounter,
  type LoginThrottlePolicy,
  planLoginAttempt,
  settleSuccessfulLogin,
  type ThrottleCounters,
  throttledMessage,
  wrongPasswordMessage,
} from './login-throttle';

const MINUTE = 60_000;
const policy: LoginThrottlePolicy = {
  pairLimit: 5,
  addressLimit: 30,
  accountSlowdownAfter: 10,
  accountSlowdownMs: 30_000,
  lockoutMs: 15 * MINUTE,
  trustedForMs: 90 * 24 * 60 * MINUTE,
};
const t0 = new Date('2026-05-01T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function fresh(now = t0): ThrottleCounters {
  return { pair: emptyCounter(now), address: emptyCounter(now), account: emptyCounter(now) };
}

function allowed(decision: AttemptDecision) {
  if (!decision.allowed) throw new Error(`refused by ${decision.by}`);
  return decision;
}

/** Fails `n` times in a row from one pair, returning the counters and the last decision. */
function failTimes(start: ThrottleCounters, n: number, now = t0) {
  let counters = start;
  let last: AttemptDecision | null = null;
  for (let i = 0; i < n; i++) {
    last = planLoginAttempt(counters, now, policy);
    if (last.allowed) counters = last.next;
  }
  return { counters, last };
}

describe('planLoginAttempt', () => {
  it('counts each check before it runs and locks the pair at the limit', () => {
    const first = allowed(planLoginAttempt(fresh(), t0, policy));
    expect(first.remainingTries).toBe(4);
    const { counters, last } = failTimes(fresh(), 5);
    expect(last && allowed(last).remainingTries).toBe(0);
    expect(counters.pair.blockedUntil).toEqual(at(15 * MINUTE));
    const sixth = planLoginAttempt(counters, at(MINUTE), policy);
    expect(sixth).toEqual({ allowed: false, by: 'pair', retryAfterMs: 14 * MINUTE });
  });

  it('starts again once the lock and the window are over', () => {
    const { counters } = failTimes(fresh(), 5);
    const later = allowed(planLoginAttempt(counters, at(15 * MINUTE), policy));
    expect(later.next.pair.attempts).toBe(1);
  });

  it('locks an address that tries many names', () => {
    let counters = fresh();
    for (let name = 0; name < 30; name++) {
      counters = allowed(
        planLoginAttempt({ ...counters, pair: emptyCounter(t0), account: emptyCounter(t0) }, t0, policy),
      ).next;
    }
    const next = planLoginAttempt({ ...counters, pair: emptyCounter(t0), account: emptyCounter(t0) }, t0, policy);
    expect(next).toMatchObject({ allowed: false, by: 'address' });
  });

  it('slows an account tried from many addresses, but not from its usual address', () => {
    let account = emptyCounter(t0);
    for (let source = 0; source < 10; source++) {
      account = allowed(planLoginAttempt({ ...fresh(), account }, t0, policy)).next.account;
    }
    // The eleventh address gets its check, and the next one has to wait.
    const eleventh = allowed(planLoginAttempt({ ...fresh(), account }, t0, policy));
    expect(eleventh.next.account.nextAttemptAt).toEqual(at(30_000));
    const twelfth = planLoginAttempt({ ...fresh(), account: eleventh.next.account }, at(1_000), policy);
    expect(twelfth).toEqual({ allowed: false, by: 'account', retryAfterMs: 29_000 });
    const usual = { ...emptyCounter(t0), lastSuccessAt: at(-86_400_000) };
    const fromDesk = allowed(
      planLoginAttempt({ ...fresh(), pair: usual, account: eleventh.next.account }, at(1_000), policy),
    );
    expect(fromDesk.trusted).toBe(true);
  });

  it('keeps the usual address exempt from the address lock, but not from its own pair lock', () => {
    const lockedAddress = { ...emptyCounter(t0), attempts: 30, blockedUntil: at(15 * MINUTE) };
    const usual = { ...emptyCounter(t0), lastSuccessAt: at(-MINUTE) };
    expect(planLoginAttempt({ ...fresh(), address: lockedAddress }, at(MINUTE), policy)).toMatchObject({
      allowed: false,
      by: 'address',
    });
    allowed(planLoginAttempt({ ...fresh(), address: lockedAddress, pair: usual }, at(MINUTE), policy));
    const { counters } = failTimes({ ...fresh(), pair: usual }, 5);
    expect(planLoginAttempt(counters, at(MINUTE), policy)).toMatchObject({ allowed: false, by: 'pair' });
  });
});

describe('settleSuccessfulLogin', () => {
  it('clears the pair, marks the usual address and hands the check back', () => {
    const { counters } = failTimes(fresh(), 3);
    const claim = allowed(planLoginAttempt(counters, t0, policy));
    const settled = settleSuccessfulLogin(claim.next, claim, at(1_000), policy);
    expect(settled.pair).toMatchObject({ attempts: 0, blockedUntil: null, lastSuccessAt: at(1_000) });
    expect(settled.address.attempts).toBe(3);
    expect(settled.account.attempts).toBe(3);
  });

  it('lifts an address lock only when this very check set it', () => {
    const nearly = { ...fresh(), address: { ...emptyCounter(t0), attempts: 29 } };
    const claim = allowed(planLoginAttempt(nearly, t0, policy));
    expect(claim.next.address.blockedUntil).not.toBeNull();
    expect(settleSuccessfulLogin(claim.next, claim, t0, policy).address.blockedUntil).toBeNull();
    expect(settleSuccessfulLogin(claim.next, { lockedAddress: false }, t0, policy).address.blockedUntil).not.toBeNull();
  });
});

describe('messages', () => {
  it('say the same whatever refused, in whole minutes', () => {
    expect(throttledMessage(14 * MINUTE + 1)).toBe('尝试次数过多，请 15 分钟后再试');
    expect(throttledMessage(1_000)).toBe('尝试次数过多，请 1 分钟后再试');
    expect(wrongPasswordMessage(4, 15 * MINUTE)).toBe('用户名或密码错误，再错 4 次将暂停登录 15 分钟');
  });
});
