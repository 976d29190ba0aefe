import { Form, Select, Typography } from 'antd';
import { useSubUnits } from '../api/dispatch-tools';

/** 二级派遣: one of the units below the lead department; the deadline stays as it is. */
export function SubUnitField({ caseId }: { caseId: number }) {
  const units = useSubUnits(caseId);
  const options = (units.data ?? []).map((u) => ({
    value: u.id,
    label: `${'　'.repeat(Math.max(0, u.depth - 1))}${u.name}`,
  }));
  return (
    <Form.Item
      name="leadDepartmentId"
      label="下级单位"
      htmlFor="action-sub-unit"
      rules={[{ required: true, message: '请选择下级单位' }]}
      extra={
        <Typography.Text type="secondary">
          {units.data && options.length === 0
            ? '本部门没有下级单位'
            : '派给下级单位后案件回到「已派遣」，由其签收处置；处置时限不变。'}
        </Typography.Text>
      }
    >
      <Select
        id="action-sub-unit"
        placeholder="选择下级单位"
        loading={units.isPending}
        options={options}
        notFoundContent="本部门没有下级单位"
      />
    </Form.Item>
  );
}
