import { Form, InputNumber, Radio, Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
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

/** The fields an action needs beyond the opinion: departments, collector, extension, result, photos. */
export function ActionFields({
  action,
  caseId,
  onPhotos,
}: {
  action: string;
  caseId: number;
  onPhotos: (ids: number[]) => void;
}) {
  switch (action) {
    case 'dispatch':
      return <DispatchFields />;
    case 'forceDispatch':
      return (
        <>
          <ForcedDispatchNotice />
          <DispatchFields />
        </>
      );
    case 'subDispatch':
      return <SubUnitField caseId={caseId} />;
    case 'assistFeedBack':
      return (
        <Form.Item
          label="协办照片"
          extra={<Typography.Text type="secondary">选填；协办反馈不改变案件状态</Typography.Text>}
        >
          <PhotoUpload purpose="feedback" onChange={onPhotos} />
        </Form.Item>
      );
    case 'requestVerify':
    case 'requestCheck':
      return <CollectorField caseId={caseId} />;
    case 'merge':
      return <MergeLeadField caseId={caseId} />;
    case 'requestExtension':
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
    case 'submitVerification':
    case 'submitCheck': {
      const check = action === 'submitCheck';
      return (
        <>
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
          <Form.Item label="现场照片">
            <PhotoUpload purpose={check ? 'check' : 'verify'} onChange={onPhotos} />
          </Form.Item>
        </>
      );
    }
    case 'feedBack':
      return (
        <>
          <AssistPendingNotice caseId={caseId} />
          <Form.Item
            label="处置照片"
            extra={<Typography.Text type="secondary">请上传处置后的现场照片</Typography.Text>}
          >
            <PhotoUpload purpose="feedback" onChange={onPhotos} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}
