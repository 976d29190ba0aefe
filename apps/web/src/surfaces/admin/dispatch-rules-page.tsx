import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card } from 'antd';
import { useState } from 'react';
import {
  type DispatchRuleRow,
  useDispatchRuleOptions,
  useDispatchRules,
  useRemoveDispatchRule,
  useUpdateDispatchRule,
} from '../../features/dispatch-rules/api/dispatch-rules';
import { DispatchRuleDialog } from '../../features/dispatch-rules/components/dispatch-rule-dialog';
import { DispatchRulePreview } from '../../features/dispatch-rules/components/dispatch-rule-preview';
import { DispatchRuleTable } from '../../features/dispatch-rules/components/dispatch-rule-table';
import type { RuleDraft } from '../../features/dispatch-rules/rule-form-values';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

type Dialog = { kind: 'none' } | { kind: 'create'; draft: RuleDraft | null } | { kind: 'edit'; rule: DispatchRuleRow };

/** 派遣规则: the rules of the admin's area, a preview of where a case would go, and the rule form. */
export function DispatchRulesPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const rules = useDispatchRules();
  const options = useDispatchRuleOptions();
  const update = useUpdateDispatchRule();
  const remove = useRemoveDispatchRule();
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const fail = (error: unknown) => message.error(apiErrorMessage(error));
  const busyId = update.isPending
    ? (update.variables?.id ?? null)
    : remove.isPending
      ? (remove.variables?.id ?? null)
      : null;

  return (
    <div>
      <PageHeader
        title="派遣规则"
        description={`按事部件类别 × 区域 × 紧急程度确定主办、协办部门（${user.areaName}）。自动派遣的规则在立案时直接派遣，其余作为派遣建议。`}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setDialog({ kind: 'create', draft: null })}
          >
            新增规则
          </Button>
        }
      />
      <Card title="规则预览" style={{ marginBottom: 16 }}>
        <DispatchRulePreview
          options={options.data}
          ownAreaName={user.areaName}
          onDraft={(draft) => setDialog({ kind: 'create', draft })}
        />
      </Card>
      <Card title="规则列表">
        {rules.isError ? (
          <Alert type="error" showIcon title={apiErrorMessage(rules.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <DispatchRuleTable
          rules={rules.data ?? []}
          loading={rules.isPending}
          busyId={busyId}
          actions={{
            onEdit: (rule) => setDialog({ kind: 'edit', rule }),
            onToggle: (rule, enabled) =>
              update.mutate(
                { id: rule.id, data: { enabled } },
                { onSuccess: () => message.success(`已${enabled ? '启用' : '停用'}「${rule.name}」`), onError: fail },
              ),
            onRemove: (rule) =>
              remove.mutate(
                { id: rule.id },
                { onSuccess: () => message.success(`已删除「${rule.name}」`), onError: fail },
              ),
          }}
        />
      </Card>
      <DispatchRuleDialog
        open={dialog.kind !== 'none'}
        editing={dialog.kind === 'edit' ? dialog.rule : null}
        draft={dialog.kind === 'create' ? dialog.draft : null}
        options={options.data}
        onClose={() => setDialog({ kind: 'none' })}
        onSaved={(name) => message.success(`已保存规则「${name}」`)}
      />
    </div>
  );
}
