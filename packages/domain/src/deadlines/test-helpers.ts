import { chinaDate, chinaInstant, chinaMinutesOfDay } from './china-time';

/** Instant of a China local 'YYYY-MM-DD' + 'HH:mm' (test shorthand). */
export const at = (date: string, time: string): Date => chinaInstant(date, time);

/** 'YYYY-MM-DD HH:mm' (plus ':ss' when not on a whole minute) in China time, for readable assertions. */
export function china(instant: Date): string {
  const totalSeconds = Math.round(chinaMinutesOfDay(instant) * 60);
  const hh = String(Math.floor(totalSeconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((totalSeconds % 3600) / 60)).padStart(2, '0');
  const ss = totalSeconds % 60;
  return `${chinaDate(instant)} ${hh}:${mm}${ss ? `:${String(ss).padStart(2, '0')}` : ''}`;
}
