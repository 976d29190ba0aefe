import { Space, Tag } from 'antd';
import { URGENCIES } from '../labels';

/** 加急 / 督办 / 疑难 tags, in the case table's rows and on the case header (its own file, so the header does not pull in the table). */
export function CaseFlags({
  supervised,
  difficult,
  urgent,
}: {
  supervised: boolean;
  difficult: boolean;
  urgent?: boolean;
}) {
  if (!supervised && !difficult && !urgent) return null;
  return (
    <Space size={4} wrap>
      {urgent ? <Tag color="volcano">{URGENCIES.urgent}</Tag> : null}
      {supervised ? <Tag color="magenta">督办</Tag> : null}
      {difficult ? <Tag color="purple">疑难</Tag> : null}
    </Space>
  );
}
