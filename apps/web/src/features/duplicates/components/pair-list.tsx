import { Badge, Empty, Spin, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { SuspectPair } from '../api/duplicates';
import { formatApart, formatMetres, formatPercent } from '../pair-format';

/** The queue: one row per pair, the chosen one highlighted. */
export function PairList({
  pairs,
  selectedId,
  onSelect,
  loading,
}: {
  pairs: readonly SuspectPair[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  loading: boolean;
}) {
  if (loading) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (pairs.length === 0) return <Empty description="暂无待确认的疑似重复" />;
  return (
    <ul aria-label="疑似重复列表" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 4 }}>
      {pairs.map((pair) => {
        const selected = pair.id === selectedId;
        return (
          <li key={pair.id}>
            <button
              type="button"
              aria-current={selected ? 'true' : undefined}
              aria-label={`疑似重复 ${pair.left.caseNo} 与 ${pair.right.caseNo}`}
              onClick={() => onSelect(pair.id)}
              style={{
                display: 'block',
                width: '100%',
                textAlign: 'left',
                cursor: 'pointer',
                padding: '10px 12px',
                border: 'none',
                borderLeft: `3px solid ${selected ? '#1677ff' : 'transparent'}`,
                borderRadius: 6,
                background: selected ? '#e6f4ff' : 'transparent',
                font: 'inherit',
              }}
            >
              <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text strong>{pair.right.categoryName ?? pair.right.categoryCode}</Typography.Text>
                <Badge color="orange" text={`相似度 ${formatPercent(pair.score)}`} />
              </span>
              <span style={{ display: 'block', fontSize: 13 }}>
                {pair.left.caseNo} ↔ {pair.right.caseNo}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatMetres(pair.factors.distanceM)} · {formatApart(pair.factors.minutesApart)} · 发现于{' '}
                {formatDateTime(pair.createdAt).slice(5, 16)}
              </Typography.Text>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
