import { Alert, Button, Empty, Spin } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatBoundedTotal } from '../../../lib/bounded-total';
import { useMyReports } from '../api/street-cases';
import { CaseCard } from './case-card';

const PAGE = 20;

/** 我的上报: cases.mine, newest first, with their status; 加载更多 grows the page. */
export function MyReports() {
  const [size, setSize] = useState(PAGE);
  const reports = useMyReports(size);
  if (reports.isPending) return <Spin size="large" description="正在加载…" style={{ margin: '40px auto' }} />;
  if (reports.isError && !reports.data) return <Alert type="error" showIcon title={apiErrorMessage(reports.error)} />;
  const { rows, total, more } = reports.data;
  if (rows.length === 0) return <Empty description="还没有上报记录" />;
  return (
    <>
      <div style={{ color: '#5c6370', fontSize: 13 }}>共 {formatBoundedTotal(total, more)} 件</div>
      <ul aria-label="我的上报列表" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 10 }}>
        {rows.map((row) => (
          <li key={row.id}>
            <CaseCard row={row} to={`/m/cases/${row.id}`} here={null} showStatus />
          </li>
        ))}
      </ul>
      {rows.length < total && size < 200 ? (
        <Button block size="large" loading={reports.isFetching} onClick={() => setSize((s) => Math.min(200, s + PAGE))}>
          加载更多
        </Button>
      ) : null}
    </>
  );
}
