import { AutoComplete, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { AuditOutcome } from '../api/audit';
import { ACTION_LABELS, OUTCOME_LABELS } from '../labels';

export interface AuditFilterValues {
  username: string;
  action: string;
  outcome: AuditOutcome | undefined;
}

const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({
  value,
  label: `${label}（${value}）`,
}));
const OUTCOME_OPTIONS = (Object.keys(OUTCOME_LABELS) as AuditOutcome[]).map((value) => ({
  value,
  label: OUTCOME_LABELS[value].label,
}));

/** 用户 / 操作 / 结果 filters; text filters apply on 查询 or Enter. */
export function AuditFilters({
  values,
  onChange,
}: {
  values: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
}) {
  const [draft, setDraft] = useState(values);
  const apply = (next: Partial<AuditFilterValues> = {}) => onChange({ ...draft, ...next });
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input
        aria-label="用户"
        placeholder="用户名"
        allowClear
        value={draft.username}
        onChange={(event) => setDraft({ ...draft, username: event.target.value })}
        onPressEnter={() => apply()}
        style={{ width: 180 }}
      />
      <AutoComplete
        aria-label="操作"
        placeholder="操作，如 users.create"
        allowClear
        value={draft.action}
        options={ACTION_OPTIONS}
        onChange={(action: string) => setDraft({ ...draft, action: action ?? '' })}
        onSelect={(action: string) => apply({ action })}
        style={{ width: 260 }}
      />
      <Select<AuditOutcome>
        aria-label="结果"
        placeholder="全部结果"
        allowClear
        value={draft.outcome}
        options={OUTCOME_OPTIONS}
        onChange={(outcome) => {
          setDraft({ ...draft, outcome });
          apply({ outcome });
        }}
        style={{ width: 130 }}
      />
      <Button type="primary" onClick={() => apply()}>
        查询
      </Button>
    </Space>
  );
}
