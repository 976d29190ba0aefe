import { Alert, Form, Skeleton } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { useDispatchAssistance } from '../api/dispatch-tools';
import type { ActionFormValues } from './action-fields';
import { DepartmentRecords } from './department-records';
import { GridMemberPicker } from './grid-member-picker';
import { RuleSuggestion } from './rule-suggestion';
import { SimilarClosedCases } from './similar-closed-cases';

/**
 * 派遣助手 beside the department fields of 派遣 / 强制派遣 (inside the dialog's form):
 * the rule's suggestion, the grid members, similar closed cases and department records.
 */
export function DispatchAssistant({ caseId }: { caseId: number }) {
  const form = Form.useFormInstance<ActionFormValues>();
  const assistance = useDispatchAssistance(caseId);
  if (assistance.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (assistance.isError) {
    return <Alert type="warning" showIcon title={`派遣助手暂不可用：${apiErrorMessage(assistance.error)}`} />;
  }
  const data = assistance.data;
  const setFields = (values: Partial<ActionFormValues>) => {
    form.setFieldsValue(values);
    void form.validateFields(['leadDepartmentId']).catch(() => undefined);
  };
  return (
    <section aria-label="派遣助手" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <RuleSuggestion
        rule={data.rule}
        onAdopt={(rule) =>
          setFields({ leadDepartmentId: rule.lead.id, assistingDepartmentIds: rule.assisting.map((d) => d.id) })
        }
      />
      <GridMemberPicker members={data.gridMembers} />
      <SimilarClosedCases rows={data.similar} sample={data.sample} />
      <DepartmentRecords rows={data.departments} onPick={(id) => setFields({ leadDepartmentId: id })} />
    </section>
  );
}
