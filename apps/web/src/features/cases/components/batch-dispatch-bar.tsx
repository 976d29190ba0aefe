import { SendOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';

/** Above the 待派遣 list: how many are ticked, 选择同类案件, and 批量派遣（N）. */
export function BatchDispatchBar({
  count,
  onSameCategory,
  onClear,
  onDispatch,
}: {
  count: number;
  onSameCategory: () => void;
  onClear: () => void;
  onDispatch: () => void;
}) {
  const none = count === 0;
  return (
    <div
      role="toolbar"
      aria-label="批量派遣"
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 12 }}
    >
      <Typography.Text type={none ? 'secondary' : undefined}>
        {none ? '勾选同类案件后可一次派给同一部门' : `已选 ${count} 件`}
      </Typography.Text>
      <Space wrap size={8} style={{ marginLeft: 'auto' }}>
        <Tooltip title="在本页再勾选与已选案件同一小类的案件（可先按类别筛选）">
          <Button disabled={none} onClick={onSameCategory}>
            选择同类案件
          </Button>
        </Tooltip>
        <Button disabled={none} onClick={onClear}>
          清除选择
        </Button>
        <Button type="primary" icon={<SendOutlined />} disabled={none} onClick={onDispatch}>
          批量派遣（{count}）
        </Button>
      </Space>
    </div>
  );
}
