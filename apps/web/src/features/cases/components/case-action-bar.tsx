import { ruleOf } from '@citygov/domain/cases/case-actions';
import { Button, Space, Tooltip } from 'antd';
import type { CaseActionOption } from '../api/cases';

/**
 * The actions this user's role has on the case, from `cases.byId`: enabled ones open the
 * action dialog, disabled ones say why in a tooltip. The action table's `tone` makes
 * main-chain steps primary and refusals and returns danger.
 */
export function CaseActionBar({
  actions,
  onAct,
  onRemark,
}: {
  actions: readonly CaseActionOption[];
  onAct: (option: CaseActionOption) => void;
  /** Absent for roles that may not add remarks (needs case.view). */
  onRemark?: (() => void) | undefined;
}) {
  const sorted = [...actions].sort((a, b) => Number(b.enabled) - Number(a.enabled));
  return (
    <Space wrap size={8} role="toolbar" aria-label="案件操作">
      {sorted.map((option) => {
        const button = (
          <Button
            key={option.action}
            type={option.enabled && ruleOf(option.action).tone === 'primary' ? 'primary' : 'default'}
            danger={ruleOf(option.action).tone === 'danger'}
            disabled={!option.enabled}
            onClick={() => onAct(option)}
          >
            {option.label}
          </Button>
        );
        return option.enabled ? (
          button
        ) : (
          <Tooltip key={option.action} title={option.disabledReason}>
            {button}
          </Tooltip>
        );
      })}
      {onRemark ? <Button onClick={onRemark}>备注</Button> : null}
    </Space>
  );
}
