import { RightOutlined } from '@ant-design/icons';
import type { LeaderPart } from '../api/leader';

/**
 * The parts one level down, worst overdue share first, as large cards: tapping one opens
 * it (district → street → cases). No dense table on a tablet.
 */
export function PartCards({
  parts,
  levelName,
  onOpen,
}: {
  parts: LeaderPart[];
  levelName: string;
  onOpen: (part: LeaderPart) => void;
}) {
  return (
    <section
      aria-label={`${levelName}排名`}
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(290px, 1fr))', gap: 12 }}
    >
      {parts.map((part, index) => {
        const share = part.open === 0 ? 0 : Math.round((part.overdue / part.open) * 100);
        return (
          <button
            key={part.id}
            type="button"
            aria-label={`${part.name}，在办${part.open}件，超期${part.overdue}件`}
            onClick={() => onOpen(part)}
            style={{
              all: 'unset',
              cursor: 'pointer',
              boxSizing: 'border-box',
              minHeight: 96,
              padding: '14px 16px',
              borderRadius: 12,
              background: '#fff',
              boxShadow: '0 1px 3px rgba(0,0,0,0.08)',
              display: 'flex',
              alignItems: 'center',
              gap: 14,
              borderLeft: `6px solid ${share >= 30 ? '#cf1322' : share > 0 ? '#fa8c16' : '#52c41a'}`,
            }}
          >
            <span style={{ fontSize: 26, fontWeight: 600, color: '#8c8c8c', width: 34, textAlign: 'center' }}>
              {index + 1}
            </span>
            <span style={{ flex: 1 }}>
              <span style={{ display: 'block', fontSize: 20, fontWeight: 600 }}>{part.name}</span>
              <span style={{ display: 'block', fontSize: 15, color: '#595959', marginTop: 4 }}>
                在办 {part.open} · 超期{' '}
                <b style={{ color: part.overdue > 0 ? '#cf1322' : undefined }}>{part.overdue}</b> · 本月结案{' '}
                {part.closedThisMonth}
              </span>
            </span>
            <RightOutlined style={{ fontSize: 20, color: '#bfbfbf' }} />
          </button>
        );
      })}
    </section>
  );
}
