import { randomInt } from 'node:crypto';
import { issuesTrackingCode, TRACKING_ALPHABET, TRACKING_CODE_LENGTH } from '@citygov/domain/tracking/tracking-code';

/**
 * A new 查询码 from the operating system's CSPRNG, each character drawn uniformly
 * (randomInt rejects the biased tail a modulo would keep). With ten million cases on
 * file a new code is already taken about once in 10^10 draws; the unique index catches it
 * and the case is opened with a fresh draw (openCase), never a shared code.
 */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

/** The code a new case gets: one for reports from the public (公众举报, 12345热线), none for staff's own. */
export function trackingCodeFor(source: string): string | null {
  return issuesTrackingCode(source) ? newTrackingCode() : null;
}
