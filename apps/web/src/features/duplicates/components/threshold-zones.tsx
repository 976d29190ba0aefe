import { Typography } from 'antd';

/** The three outcomes along 0–100 %: what a score in each band leads to. */
export const OUTCOMES = [
  {
    key: 'ignore',
    color: '#d9d9d9',
    title: '不提示',
    text: '相似度低于「人工判重阈值」：视为不同问题，正常受理，不做提示。',
  },
  {
    key: 'review',
    color: '#fa8c16',
    title: '交值班长确认（疑似重复）',
    text: '相似度介于两个阈值之间：新上报正常受理，同时列入值班长的「疑似重复」清单，对比后并案或排除。',
  },
  {
    key: 'merge',
    color: '#cf1322',
    title: '自动并案',
    text: '相似度达到「自动并案阈值」：新上报自动并入在办的已有案件，流转记录互相关联，上报人可查看主案件进度。上报人已确认“不是同一问题”的，改为交值班长确认。',
  },
] as const;

/** A bar of the three bands for the values being edited (percent). */
export function ThresholdZones({ review, merge }: { review: number; merge: number }) {
  const r = Math.min(Math.max(review, 0), 100);
  const m = Math.min(Math.max(merge, r), 100);
  const widths = [r, m - r, 100 - m];
  return (
    <div>
      <div
        role="img"
        aria-label={`0–${r}% 不提示，${r}–${m}% 交值班长确认，${m}–100% 自动并案`}
        style={{ display: 'flex', height: 14, borderRadius: 7, overflow: 'hidden', background: '#f0f0f0' }}
      >
        {OUTCOMES.map((o, i) => (
          <div key={o.key} style={{ width: `${widths[i]}%`, background: o.color }} />
        ))}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 4 }}>
        <Typography.Text type="secondary">0%</Typography.Text>
        <Typography.Text type="secondary">100%</Typography.Text>
      </div>
    </div>
  );
}
