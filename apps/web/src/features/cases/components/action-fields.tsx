import { type ActionField, type CaseAction, ruleOf } from '@citygov/domain/cases/case-actions';
import { Form, InputNumber, Radio, Select, Space, TreeSelect, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import type { AttachmentPurpose } from '../../../lib/attachments';
import { departmentTreeOptions } from '../../../lib/tree-options';
import { PhotoUpload } from '../../../lib/ui/photo-upload';
import { useCollectorOptions, useDepartmentOptions } from '../api/reference-data';
import { EXTENSION_UNITS, type ExtensionUnit } from '../labels';
import { AssistPendingNotice } from './assist-pending-notice';
import { ForcedDispatchNotice } from './forced-dispatch-notice';
import { MergeLeadField } from './merge-lead-field';
import { SubUnitField } from './sub-unit-field';

export interface ActionFormValues {
  reason?: string;
  leadDepartmentId?: number;
  assistingDepartmentIds?: number[];
  extensionAmount?: number;
  extensionUnit?: ExtensionUnit;
  confirmed?: boolean;
  assigneeId?: number;
  /** 并案: the lead's number as typed, and its id once 查询 resolved it. */
  mergeLeadNo?: string;
  mergeIntoCaseId?: number;
  /** 派遣 / 强制派遣: the grid member (网格责任人) named; 0 is "not named". */
  gridMemberId?: number;
  /** 下达督办单: hours until the department's reply is due. */
  replyHours?: number;
}

const REPLY_HOUR_OPTIONS = [
  { value: 4, label: '4 小时内回复' },
  { value: 24, label: '24 小时内回复' },
  { value: 48, label: '48 小时内回复' },
  { value: 72, label: '3 天内回复' },
  { value: 168, label: '7 天内回复' },
];

/** 下达督办单: the reply time the department is held to; a late reply shows as escalated. */
function ReplyDueField() {
  return (
    <Form.Item
      name="replyHours"
      label="回复时限"
      initialValue={24}
      rules={[{ required: true, message: '请选择回复时限' }]}
    >
      <Select aria-label="回复时限" options={REPLY_HOUR_OPTIONS} />
    </Form.Item>
  );
}

const UNIT_OPTIONS = (Object.keys(EXTENSION_UNITS) as ExtensionUnit[]).map((value) => ({
  value,
  label: EXTENSION_UNITS[value],
}));

/** 主办部门 and 协办部门 (also the batch dispatch dialog's). */
export function DispatchFields() {
  const departments = useDepartmentOptions(true);
  const options = useMemo(() => departmentTreeOptions(departments.data ?? []), [departments.data]);
  return (
    <>
      <Form.Item name="leadDepartmentId" label="主办部门" rules={[{ required: true, message: '请选择主办部门' }]}>
        <TreeSelect
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandAll
          placeholder="选择主办部门"
          loading={departments.isPending}
          treeData={options}
        />
      </Form.Item>
      <Form.Item name="assistingDepartmentIds" label="协办部门">
        <TreeSelect
          multiple
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandAll
          placeholder="可选，多个协办部门"
          loading={departments.isPending}
          treeData={options}
        />
      </Form.Item>
    </>
  );
}

function CollectorField({ caseId }: { caseId: number }) {
  const collectors = useCollectorOptions(caseId);
  const options = (collectors.data ?? []).map((c) => ({ value: c.id, label: c.displayName }));
  return (
    <Form.Item name="assigneeId" label="监督员" htmlFor="action-collector" extra="不选择时，系统派给该网格的责任监督员">
      <Select
        id="action-collector"
        allowClear
        loading={collectors.isPending}
        placeholder={options[0] ? `${options[0].label}（网格责任监督员）` : '网格责任监督员（默认）'}
        options={options}
      />
    </Form.Item>
  );
}

/** The desk's words for the photos an action takes (the table's `photos` field). */
const PHOTO_FIELDS: Partial<Record<CaseAction, { purpose: AttachmentPurpose; label: string; extra?: string }>> = {
  submitVerification: { purpose: 'verify', label: '现场照片' },
  submitCheck: { purpose: 'check', label: '现场照片' },
  feedBack: { purpose: 'feedback', label: '处置照片', extra: '请上传处置后的现场照片' },
  assistFeedBack: { purpose: 'feedback', label: '协办照片', extra: '选填；协办反馈不改变案件状态' },
};

/** What an action warns about before it is taken. */
const NOTICES: Partial<Record<CaseAction, (props: { caseId: number }) => ReactNode>> = {
  forceDispatch: () => <ForcedDispatchNotice />,
  feedBack: ({ caseId }) => <AssistPendingNotice caseId={caseId} />,
};

function ExtensionField() {
  return (
    <Form.Item label="延期时长" required>
      <Space.Compact>
        <Form.Item name="extensionAmount" noStyle rules={[{ required: true, message: '请填写延期时长' }]}>
          <InputNumber aria-label="延期时长" min={1} max={720} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="extensionUnit" noStyle initialValue="working_days">
          <Select aria-label="单位" options={UNIT_OPTIONS} style={{ width: 120 }} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

function VerdictField({ action }: { action: CaseAction }) {
  const check = ruleOf(action).verdict?.sets === 'checkResult';
  return (
    <Form.Item
      name="confirmed"
      label={check ? '核查结果' : '核实结果'}
      rules={[{ required: true, message: check ? '请选择核查结果' : '请选择核实结果' }]}
    >
      <Radio.Group
        options={[
          { value: true, label: check ? '通过' : '属实' },
          { value: false, label: check ? '不通过' : '不属实' },
        ]}
      />
    </Form.Item>
  );
}

function PhotosField({ action, onPhotos }: { action: CaseAction; onPhotos: (ids: number[]) => void }) {
  const spec = PHOTO_FIELDS[action] ?? { purpose: 'feedback' as const, label: '照片' };
  return (
    <Form.Item
      label={spec.label}
      extra={spec.extra ? <Typography.Text type="secondary">{spec.extra}</Typography.Text> : undefined}
    >
      <PhotoUpload purpose={spec.purpose} onChange={onPhotos} />
    </Form.Item>
  );
}

/**
 * The fields an action needs beyond the opinion, as the action table lists them
 * (`fields`): one control per field kind, in the table's order. The grid member is
 * chosen in 派遣助手 beside the form.
 */
export function ActionFields({
  action,
  caseId,
  onPhotos,
}: {
  action: CaseAction;
  caseId: number;
  onPhotos: (ids: number[]) => void;
}) {
  const Notice = NOTICES[action];
  const field = (kind: ActionField): ReactNode => {
    switch (kind) {
      case 'departments':
        return <DispatchFields key={kind} />;
      case 'subUnit':
        return <SubUnitField key={kind} caseId={caseId} />;
      case 'collector':
        return <CollectorField key={kind} caseId={caseId} />;
      case 'mergeLead':
        return <MergeLeadField key={kind} caseId={caseId} />;
      case 'extension':
        return <ExtensionField key={kind} />;
      case 'verdict':
        return <VerdictField key={kind} action={action} />;
      case 'photos':
        return <PhotosField key={kind} action={action} onPhotos={onPhotos} />;
      case 'replyDue':
        return <ReplyDueField key={kind} />;
      case 'gridMember':
        return null;
    }
  };
  return (
    <>
      {Notice ? <Notice caseId={caseId} /> : null}
      {(ruleOf(action).fields ?? []).map(field)}
    </>
  );
}
