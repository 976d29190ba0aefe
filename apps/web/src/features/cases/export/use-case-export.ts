import { useState } from 'react';
import { useTRPCClient } from '../../../lib/trpc';
import type { CaseDetail, CaseListInput, CaseRow } from '../api/cases';
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

/** The spreadsheet writer and the sheet layouts load only when 导出 Excel is clicked. */
function workbooks() {
  return import('./write-workbooks');
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
      await (await workbooks()).writeCaseListWorkbook(rows, `案件列表-${stamp()}.xlsx`);
      return rows.length;
    } finally {
      setProgress(null);
    }
  };
  return { run, progress };
}

/** 导出 Excel for one case: its fields and its full timeline, two sheets. */
export async function exportCaseDetail(detail: CaseDetail): Promise<void> {
  await (await workbooks()).writeCaseDetailWorkbook(detail, `案件-${detail.case.caseNo}.xlsx`);
}
