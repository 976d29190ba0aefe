import { describe, expect, it } from 'vitest';
import {
  formatTrackingCode,
  issuesTrackingCode,
  normalizeTrackingCode,
  TRACKING_ALPHABET,
  TRACKING_CODE_LENGTH,
} from './tracking-code';

describe('tracking codes (查询码)', () => {
  it('uses 26 characters without look-alikes', () => {
    expect(new Set(TRACKING_ALPHABET).size).toBe(26);
    for (const lookalike of ['0', 'O', '1', 'I', 'L', 'Z', 'S', 'G', 'B', 'U']) {
      expect(TRACKING_ALPHABET).not.toContain(lookalike);
    }
  });

  it('groups a code in fours for reading aloud, and reads it back however it was typed', () => {
    expect(formatTrackingCode('K7QM3XPA9HTD')).toBe('K7QM-3XPA-9HTD');
    expect(normalizeTrackingCode('K7QM-3XPA-9HTD')).toBe('K7QM3XPA9HTD');
    expect(normalizeTrackingCode(' k7qm 3xpa 9htd ')).toBe('K7QM3XPA9HTD');
    expect(normalizeTrackingCode('K7QM－3XPA－9HTD')).toBe('K7QM3XPA9HTD');
  });

  it('refuses what cannot be a code: case numbers, wrong lengths, look-alikes', () => {
    expect(normalizeTrackingCode('202600000123')).toBeNull();
    expect(normalizeTrackingCode('K7QM-3XPA-9HT')).toBeNull();
    expect(normalizeTrackingCode('K7QM-3XPA-9HTDD')).toBeNull();
    expect(normalizeTrackingCode('K7QM-3XPA-9HT0')).toBeNull();
    expect(normalizeTrackingCode('')).toBeNull();
    expect('K7QM3XPA9HTD'.length).toBe(TRACKING_CODE_LENGTH);
  });

  it('is issued to reports from the public and the hotline only', () => {
    expect(issuesTrackingCode('public')).toBe(true);
    expect(issuesTrackingCode('hotline')).toBe(true);
    expect(issuesTrackingCode('collector')).toBe(false);
    expect(issuesTrackingCode('video')).toBe(false);
  });
});
