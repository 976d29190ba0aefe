import type { CaseSource } from '../cases/case-states';

/**
 * 查询码 (tracking code): what a citizen keeps to follow their report. The case number is
 * sequential, so anyone could walk it; this code is random, so only the reporter has it.
 *
 * 12 characters from 26 that cannot be mistaken for one another when read aloud or
 * written by hand: digits 2–9 and the letters left after dropping O, I and L (0, 1) and
 * one of each pair people confuse — Z (2), S (5), G (6), B (8), U (V). 26^12 ≈ 2^56 codes.
 * Shown in three groups of four ("K7QM-3XPA-9HTD") for reading over the phone; stored
 * without the dashes.
 */
export const TRACKING_ALPHABET = '23456789ACDEFHJKMNPQRTVWXY';
export const TRACKING_CODE_LENGTH = 12;
const GROUP = 4;

const VALID = new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`);

/** Sources whose reporter is a member of the public (公众举报, 12345热线): their cases get a code. */
export const CITIZEN_SOURCES: readonly CaseSource[] = ['public', 'hotline'];

export function issuesTrackingCode(source: string): boolean {
  return (CITIZEN_SOURCES as readonly string[]).includes(source);
}

/**
 * What a person typed, as stored: upper case, without spaces and dashes; null when it
 * cannot be a code (so a lookup answers "not found" without asking the database).
 */
export function normalizeTrackingCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-_－—]/g, '');
  return VALID.test(compact) ? compact : null;
}

/** K7QM3XPA9HTD → K7QM-3XPA-9HTD. */
export function formatTrackingCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join('-');
}
