import { statusNameOf } from '@citygov/domain/cases/case-states';
import { LEADER_CASES_MAX, LEADER_CASES_PAGE } from '@citygov/domain/supervision/leader-cards';
import { Alert, Button, Empty, Segmented, Spin } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { type LeaderCaseFilter, useLeaderCases } from '../api/leader';

/**
 * The last drill step: an area's cases as large cards (overdue, open or under 督办), most
 * urgent first; 加载更多 grows the list a page at a time (the page keeps the size, so coming back
 * from a case shows as many as before).
 */
export function CaseCards({
  areaId,
  filter,
  size,
  onFilter,
  onGrow,
  onOpen,
}: {
  areaId: number;
  filter: LeaderCaseFilter;
  /** Cards asked for: whole pages of LEADER_CASES_PAGE, at most LEADER_CASES_MAX. */
  size: number;
  onFilter: (filter: LeaderCaseFilter) => void;
  onGrow: (size: number) => void;
  onOpen: (id: number) => void;
}) {
  const cases = useLeaderCases(areaId, filter, size);
  const now = Date.now();
  return (
    <section aria-label="案件" style={{ display: 'grid', gap: 12 }}>
      <Segmented
        size="large"
        aria-label="案件筛选"
        value={filter}
        onChange={(v) => onFilter(v as LeaderCaseFilter)}
        options={[
          { value: 'overdue', label: '超期' },
          { value: 'open', label: '在办' },
          { value: 'supervised', label: '督办中' },
        ]}
      />
      {cases.isPending ? <Spin /> : null}
      {cases.isError && !cases.data ? <Alert type="error" showIcon title={apiErrorMessage(cases.error)} /> : null}
      {cases.data && cases.data.rows.length === 0 ? <Empty description="没有符合条件的案件" /> : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 12 }}>
        {cases.data?.rows.map((c) => {
          const late = c.stageDeadlineAt !== null && new Date(c.stageDeadlineAt).getTime() < now;
          return (
            <button
              key={c.id}
              type="button"
              aria-label={`案件 ${c.caseNo}`}
              onClick={() => onOpen(c.id)}
              style={{
                all: 'unset',
                cursor: 'pointer',
                boxSizing: 'border-box',
                minHeight: 110,
                padding: '14px 16px',
                borderRadius: 12,
                background: '#fff',
                boxShadow: '0 1px 3px rgba(0,0,0,0.08)',
                borderLeft: `6px solid ${late ? '#cf1322' : '#1677ff'}`,
              }}
            >
              <span style={{ display: 'flex', justifyContent: 'space-between', fontSize: 16, color: '#595959' }}>
                <span>{c.caseNo}</span>
                <span>
                  {statusNameOf(c.status)}
                  {c.supervised ? ' · 督办' : ''}
                </span>
              </span>
              <span style={{ display: 'block', fontSize: 19, fontWeight: 600, margin: '6px 0' }}>
                {c.categoryName ?? c.categoryCode}
              </span>
              <span
                style={{
                  display: 'block',
                  fontSize: 15,
                  color: '#434343',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  whiteSpace: 'nowrap',
                }}
              >
                {c.address}
              </span>
              <span style={{ display: 'block', fontSize: 14, color: late ? '#cf1322' : '#8c8c8c', marginTop: 4 }}>
                {c.stageDeadlineAt ? `${late ? '已超期 · ' : ''}截止 ${formatDateTime(c.stageDeadlineAt)}` : '不计时'}
              </span>
            </button>
          );
        })}
      </div>
      {cases.data?.more && size < LEADER_CASES_MAX ? (
        <Button
          block
          size="large"
          loading={cases.isFetching}
          onClick={() => onGrow(Math.min(LEADER_CASES_MAX, size + LEADER_CASES_PAGE))}
        >
          加载更多
        </Button>
      ) : null}
    </section>
  );
}
