import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Open311Error } from './open311-format';
import type { Open311Settings } from './open311-settings';

/** A 429 that also tells the client when to come back (Retry-After). */
export class RateLimitedError extends Open311Error {
  constructor(readonly retryAfterSeconds: number) {
    super(429, `请求过于频繁，请 ${retryAfterSeconds} 秒后再试 (too many requests, retry in ${retryAfterSeconds} s)`);
  }
}

async function charge(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) {
      throw new RateLimitedError(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    }
    throw refusal;
  }
}

async function refuseSpent(limiter: RateLimiterMemory, key: string): Promise<void> {
  const state = await limiter.get(key);
  if (state && state.remainingPoints <= 0) {
    throw new RateLimitedError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
  }
}

/**
 * In-memory limits, one set per mounted router (so each test app has its own). One BFF
 * process serves the API; several behind a load balancer would share them through
 * rate-limiter-flexible's PostgreSQL or Redis store.
 */
export class Open311Limits {
  private readonly reads: RateLimiterMemory;
  private readonly postsPerIp: RateLimiterMemory;
  private readonly postsPerKey: RateLimiterMemory;
  private readonly trackMisses: RateLimiterMemory;
  private readonly mediaPerIp: RateLimiterMemory;

  constructor(settings: Open311Settings) {
    this.reads = new RateLimiterMemory({ keyPrefix: 'read', points: settings.readsPerIpPerMin, duration: 60 });
    this.postsPerIp = new RateLimiterMemory({ keyPrefix: 'ip', points: settings.postsPerIpPer10Min, duration: 600 });
    this.postsPerKey = new RateLimiterMemory({ keyPrefix: 'key', points: settings.postsPerKeyPerMin, duration: 60 });
    // A report carries up to 6 photos; an address may send as many as five reports' worth.
    this.mediaPerIp = new RateLimiterMemory({
      keyPrefix: 'media',
      points: settings.postsPerIpPer10Min * 6,
      duration: 600,
    });
    this.trackMisses = new RateLimiterMemory({
      keyPrefix: 'track',
      points: settings.trackMissesPerIpPer10Min,
      duration: 600,
    });
  }

  read(ip: string): Promise<void> {
    return charge(this.reads, ip);
  }

  /** Refuses an address that already used up its reports, before the key is even looked up. */
  checkIp(ip: string): Promise<void> {
    return refuseSpent(this.postsPerIp, ip);
  }

  /**
   * Tracking-code lookups (/track, tokens): an address that guessed wrong too often is
   * refused before the database is asked, right codes or not, until its window passes.
   */
  checkTrack(ip: string): Promise<void> {
    return refuseSpent(this.trackMisses, ip);
  }

  /** Counts an unknown code against the sender's address. */
  async chargeTrackMiss(ip: string): Promise<void> {
    await this.trackMisses.penalty(ip, 1);
  }

  /** Counts a report (or a failed key) against the sender's address. */
  chargeIp(ip: string): Promise<void> {
    return charge(this.postsPerIp, ip);
  }

  /** Counts a citizen's photo upload against the sender's address. */
  chargeMedia(ip: string): Promise<void> {
    return charge(this.mediaPerIp, ip);
  }

  chargeKey(keyId: number): Promise<void> {
    return charge(this.postsPerKey, String(keyId));
  }
}
