import { DomainError } from '@citygov/domain/errors';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Limits of the public collection pages (/collect/…), per client address, in memory like
 * the Open311 limits: page reads, registrations, and wrong QR tokens (token guessing).
 */
const reads = new RateLimiterMemory({ keyPrefix: 'collect-read', points: 120, duration: 60 });
const writes = new RateLimiterMemory({ keyPrefix: 'collect-write', points: 60, duration: 600 });
const misses = new RateLimiterMemory({ keyPrefix: 'collect-miss', points: 30, duration: 600 });

function refused(msBeforeNext: number): DomainError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError('locked', `操作过于频繁，请 ${seconds} 秒后再试`, { code: 'RATE_LIMITED' });
}

async function charge(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) throw refused(refusal.msBeforeNext);
    throw refusal;
  }
}

export async function chargePublic(kind: 'read' | 'write', ip: string | null): Promise<void> {
  const key = ip ?? 'unknown';
  const state = await misses.get(key);
  if (state && state.remainingPoints <= 0) throw refused(state.msBeforeNext);
  await charge(kind === 'read' ? reads : writes, key);
}

/** A wrong token counts against the address. */
export async function chargeMiss(ip: string | null): Promise<void> {
  await misses.penalty(ip ?? 'unknown', 1);
}
