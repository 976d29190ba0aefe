import writeXlsxFile from 'write-excel-file/browser';
import type { CaseDetail, CaseRow } from '../api/cases';
import { caseFieldsSheet, caseListSheet, caseTimelineSheet, LIST_COLUMNS } from './case-sheets';

/*
 * Loaded with import() when 导出 Excel is clicked: the spreadsheet writer and the sheet layouts
 * are not part of the list's or the case's first view.
 */

/** The list export: one sheet, one row per case. */
export async function writeCaseListWorkbook(rows: readonly CaseRow[], fileName: string): Promise<void> {
  await writeXlsxFile(caseListSheet(rows), {
    sheet: '案件列表',
    columns: LIST_COLUMNS.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toFile(fileName);
}

/** One case: its fields and its full timeline, two sheets. */
export async function writeCaseDetailWorkbook(detail: CaseDetail, fileName: string): Promise<void> {
  await writeXlsxFile(
    [
      { data: caseFieldsSheet(detail), sheet: '案件信息', columns: [{ width: 14 }, { width: 80 }] },
      {
        data: caseTimelineSheet(detail),
        sheet: '流转记录',
        columns: [{ width: 20 }, { width: 10 }, { width: 12 }, { width: 20 }, { width: 40 }, { width: 40 }],
        stickyRowsCount: 1,
      },
    ],
    {},
  ).toFile(fileName);
}
