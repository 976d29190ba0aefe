import { Tag } from 'antd';
import { photoReasonOf } from './duplicate-format';

/** 照片相似 / 照片不同 next to a duplicate candidate when both reports had photos that said something. */
export function PhotoReasonTag({ factors }: { factors: { photoSimilar: number; photoDifferent: number } }) {
  const reason = photoReasonOf(factors);
  if (!reason) return null;
  return (
    <Tag color={reason === '照片相似' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
      {reason}
    </Tag>
  );
}
