import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { DeadlineLevel } from '../api/cases';
import { DEADLINE_LEVELS } from '../labels';

/**
 * 剩余时间: green normal, yellow 即将超时, red 已超时, grey 已挂账. With `text` (the
 * server's working-calendar countdown, on the detail) it shows that; in lists, where
 * only the level is known, the level word and the deadline.
 */
export function DeadlineTag({
  level,
  deadline,
  text,
}: {
  level: DeadlineLevel;
  deadline: Date | string | null;
  text?: string | undefined;
}) {
  const { color, label } = DEADLINE_LEVELS[level];
  const due = deadline ? `截止 ${formatDateTime(deadline).slice(5, 16)}` : '';
  const content = text ?? (level === 'normal' ? due || label : label);
  const icon = level === 'paused' ? <PauseCircleOutlined /> : level === 'none' ? null : <ClockCircleOutlined />;
  const tag = (
    <Tag color={color} icon={icon} style={{ marginInlineEnd: 0 }} data-level={level}>
      {content}
    </Tag>
  );
  if (!deadline || (text === undefined && level === 'normal')) return tag;
  return <Tooltip title={`本阶段截止时间：${formatDateTime(deadline)}`}>{tag}</Tooltip>;
}
