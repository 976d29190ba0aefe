import { useState } from 'react';
import { useTRPCClient } from '../../../lib/trpc';
import type { CaseDetail, CaseListInput, CaseRow } from '../api/cases';
import { caseFieldsSheet, caseListSheet, caseTimelineSheet, LIST_COLUMNS } from './case-sheets';
import { collectPages, type PagesProgress } from './collect-pages';

const EXPORT_PAGE_SIZE = 200;

/** 20260105-1430: file names sort by when they were made (China time). */
function stamp(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}-${get('hour')}${get('minute')}`;
}

async function writer() {
  return (await import('write-excel-file/browser')).default;
}

export type ExportProgress = PagesProgress;

/**
 * 导出 Excel for the list: every page of the current filters (all of them, past the list's
 * bounded "10,000+" total), 200 rows per request, reporting progress, then one sheet downloaded as a file.
 */
export function useCaseListExport() {
  const client = useTRPCClient();
  const [progress, setProgress] = useState<ExportProgress | null>(null);

  const run = async (input: CaseListInput) => {
    setProgress({ done: 0, total: 0 });
    try {
      const rows: CaseRow[] = await collectPages(
        (page) => client.cases.list.query({ ...input, page, pageSize: EXPORT_PAGE_SIZE }),
        EXPORT_PAGE_SIZE,
        setProgress,
      );
      const write = await writer();
      await write(caseListSheet(rows), {
        sheet: '案件列表',
        columns: LIST_COLUMNS.map((c) => ({ width: c.width })),
        stickyRowsCount: 1,
      }).toFile(`案件列表-${stamp()}.xlsx`);
      return rows.length;
    } finally {
      setProgress(null);
    }
  };
  return { run, progress };
}

/** 导出 Excel for one case: its fields and its full timeline, two sheets. */
export async function exportCaseDetail(detail: CaseDetail): Promise<void> {
  const write = await writer();
  await write(
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
  ).toFile(`案件-${detail.case.caseNo}.xlsx`);
}
