import { Button, Table, Tag } from 'antd';
import type { SceneStaff } from '../api/command';
import { formatAgo, formatDistance } from '../format';

const AVAILABILITY_COLORS = {
  available: 'success',
  busy: 'processing',
  stale: 'warning',
  off_duty: 'default',
  no_position: 'default',
} as const;

/** 附近人员: the area's field staff by live distance, with 在岗/离岗, whether they may be called, and when last seen. */
export function SceneStaffTable({
  staff,
  onReplay,
}: {
  staff: readonly SceneStaff[];
  onReplay: (userId: number) => void;
}) {
  return (
    <section aria-label="附近人员">
      <Table
        size="small"
        rowKey="userId"
        pagination={false}
        dataSource={[...staff]}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '岗位', dataIndex: 'roleName' },
          { title: '距离', dataIndex: 'distanceM', render: (m: number | null) => formatDistance(m) },
          {
            title: '在岗',
            dataIndex: 'onDuty',
            render: (onDuty: boolean) => <Tag color={onDuty ? 'green' : 'default'}>{onDuty ? '在岗' : '离岗'}</Tag>,
          },
          {
            title: '可呼叫',
            key: 'availability',
            render: (_: unknown, s: SceneStaff) => (
              <Tag color={AVAILABILITY_COLORS[s.availability]}>{s.availabilityName}</Tag>
            ),
          },
          { title: '最近定位', key: 'seen', render: (_: unknown, s: SceneStaff) => formatAgo(s.position?.at) },
          {
            title: '轨迹',
            key: 'track',
            render: (_: unknown, s: SceneStaff) =>
              s.position ? (
                <Button size="small" aria-label={`回放${s.name}的轨迹`} onClick={() => onReplay(s.userId)}>
                  回放
                </Button>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
