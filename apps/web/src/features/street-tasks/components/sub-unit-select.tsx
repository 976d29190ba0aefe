import { Select, Typography } from 'antd';
import { useSubUnits } from '../api/street-cases';
import styles from './phone.module.css';

/** 二级派遣 on the phone: one of the units below the lead department; the deadline stays. */
export function SubUnitSelect({
  caseId,
  id,
  value,
  onChange,
  disabled,
  problem,
}: {
  caseId: number;
  id: string;
  value: number | null;
  onChange: (value: number) => void;
  disabled: boolean;
  problem: string | undefined;
}) {
  const units = useSubUnits(caseId, true);
  const options = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <div>
      <label className={styles.fieldLabel} htmlFor={id}>
        下级单位
      </label>
      <Select<number>
        id={id}
        size="large"
        placeholder="选择下级单位"
        loading={units.isPending}
        value={value ?? undefined}
        onChange={onChange}
        disabled={disabled}
        options={options}
        notFoundContent="本部门没有下级单位"
        status={problem ? 'error' : undefined}
        style={{ width: '100%' }}
      />
      {problem ? (
        <Typography.Text type="danger">{problem}</Typography.Text>
      ) : (
        <span className={styles.hint}>派给下级单位后案件回到「已派遣」，处置时限不变。</span>
      )}
    </div>
  );
}
