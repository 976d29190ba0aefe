import { SINGLE_LINE } from '@citygov/domain/text-safety';
import { z } from 'zod';

/**
 * The zod types every procedure uses for ids, pages, days and one-line text, so a value
 * the database cannot take (an id past int4, 2026-99-99, a year-300000 date) is refused
 * at the border with a Chinese message instead of failing in SQL.
 */

const INT4_MAX = 2_147_483_647;

/** An id of a `serial` (int4) table: users, areas, departments, dispatch rules. */
export const zId = z
  .number({ error: '编号须为数字' })
  .int('编号须为整数')
  .positive('编号须大于 0')
  .max(INT4_MAX, '编号超出范围');

/** An id of a `bigserial` table: cases, case events, attachments, suspects, phrases. */
export const zBigId = z
  .number({ error: '编号须为数字' })
  .int('编号须为整数')
  .positive('编号须大于 0')
  .max(Number.MAX_SAFE_INTEGER, '编号超出范围');

/** A row version (int4) a client saw, for optimistic concurrency. */
export const zVersion = z.number().int().positive().max(INT4_MAX, '版本号超出范围');

/** A page number of a paged list; the cap keeps OFFSET inside what PostgreSQL accepts. */
export const zPage = z.number().int().min(1).max(100_000, '页码超出范围').default(1);

/** A calendar day 'YYYY-MM-DD' that exists (no 2026-02-30, no 2026-99-99), within 1970–2100. */
export const zDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD')
  .refine(isRealDay, '日期不存在，请检查年月日');

function isRealDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if (year < 1970 || year > 2100) return false;
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}

const EARLIEST = new Date('1970-01-01T00:00:00Z');
const LATEST = new Date('2100-12-31T23:59:59Z');

/** A moment sent as a Date (superjson): valid, and within 1970–2100. */
export const zInstant = z
  .date({ error: '日期时间无效' })
  .min(EARLIEST, '日期时间超出范围')
  .max(LATEST, '日期时间超出范围');

/** One line of text (names, codes, addresses, search words), trimmed: no tabs or line breaks. */
export function zLine() {
  return z.string().trim().regex(SINGLE_LINE, '不能包含换行符或制表符');
}
