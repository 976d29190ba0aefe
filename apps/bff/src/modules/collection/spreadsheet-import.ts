import type { Queryable } from '@citygov/db/client';
import { collectionRecords } from '@citygov/db/schema/collection';
import { checkValues, initialStatus } from '@citygov/domain/collection/forms';
import { ValidationError } from '@citygov/domain/errors';
import { MOBILE_PHONE } from '@citygov/domain/messaging/sms';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { requireAreaInScope } from '../org/api';
import type { ZImportParseInput, ZImportRowsInput } from './collection-schemas';
import { requireType } from './types';

/** The fixed columns of every type's sheet, before the type's own fields (by their labels). */
export const BASE_COLUMNS = { name: '名称', address: '地址', ownerPhone: '业主手机号' } as const;
const MAX_ROWS = 5000;

/**
 * Step 1 of 导入: reads the first sheet of an .xlsx. The header row names the columns
 * (名称, 地址, 业主手机号 and the type's field labels); each later non-empty row becomes
 * its cells by column key, with its row number in the sheet. Checking is step 2.
 */
export async function parseSheet(db: Queryable, input: z.infer<typeof ZImportParseInput>) {
  const type = await requireType(db, input.typeCode);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(input.fileBase64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('无法读取文件，请上传 .xlsx 格式的表格', { field: 'fileBase64' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 2) throw new ValidationError('表格为空：第一行为表头，从第二行起为数据');
  const byLabel = new Map<string, string>([
    ...Object.entries(BASE_COLUMNS).map(([key, label]) => [label, key] as [string, string]),
    ...type.fields.map((f) => [f.label, f.key] as [string, string]),
  ]);
  const columns = new Map<number, string>();
  const unknown: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    const label = cell.text.trim().replace(/[*＊]$/, '');
    const key = byLabel.get(label);
    if (key) columns.set(col, key);
    else if (label) unknown.push(label);
  });
  if (![...columns.values()].includes('name')) {
    throw new ValidationError(`表头缺少「${BASE_COLUMNS.name}」列`, { field: 'fileBase64' });
  }
  if (sheet.rowCount - 1 > MAX_ROWS) throw new ValidationError(`每个文件最多 ${MAX_ROWS} 行，请分开导入`);
  const rows: { row: number; cells: Record<string, string> }[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    for (const [col, key] of columns) {
      const text = row.getCell(col).text.trim();
      if (text) cells[key] = text.slice(0, 500);
    }
    if (Object.keys(cells).length > 0) rows.push({ row: rowNumber, cells });
  });
  return { typeName: type.name, rows, unknownColumns: unknown };
}

/**
 * Step 2, one batch: each row checked against the type's form; good rows are kept,
 * bad ones come back with their row number and the reason in Chinese.
 */
export async function importRows(db: Queryable, user: SessionUser, input: z.infer<typeof ZImportRowsInput>) {
  const type = await requireType(db, input.typeCode);
  const area = await requireAreaInScope(db, user, input.areaId);
  const bad: { row: number; reason: string }[] = [];
  const good: (typeof collectionRecords.$inferInsert)[] = [];
  for (const { row, cells } of input.rows) {
    const problems: string[] = [];
    const name = (cells.name ?? '').trim();
    if (!name) problems.push('「名称」不能为空');
    else if (name.length > 100) problems.push('「名称」不能超过 100 字');
    const ownerPhone = (cells.ownerPhone ?? '').trim();
    if (ownerPhone && !MOBILE_PHONE.test(ownerPhone)) problems.push('「业主手机号」不是正确的手机号码');
    const checked = checkValues(type.fields, cells);
    if (!checked.ok) problems.push(...checked.problems);
    if (problems.length > 0 || !checked.ok) {
      bad.push({ row, reason: problems.join('；') });
      continue;
    }
    good.push({
      typeCode: type.code,
      areaId: area.id,
      areaPath: area.path,
      name,
      address: (cells.address ?? '').slice(0, 200),
      ownerPhone: ownerPhone || null,
      values: checked.values,
      status: initialStatus(type.reviewRequired),
      source: 'import',
      createdBy: user.id,
      formVersion: type.formVersion,
    });
  }
  if (good.length > 0) await db.insert(collectionRecords).values(good);
  return { imported: good.length, bad };
}
