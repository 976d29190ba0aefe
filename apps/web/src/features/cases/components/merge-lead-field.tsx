import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useMergeLeadPreview } from '../api/merge-lead';

const CASE_NO = /^\d{12}$/;

/**
 * 并案's own field: the lead case's number. 查询 resolves it and shows the lead's brief,
 * so the shift lead sees what they merge into before confirming; the form carries its id.
 */
export function MergeLeadField({ caseId }: { caseId: number }) {
  const form = Form.useFormInstance();
  const typed: string = Form.useWatch('mergeLeadNo', form) ?? '';
  const [asked, setAsked] = useState<string | null>(null);
  const preview = useMergeLeadPreview(caseId, asked);
  const lead = asked && asked === typed.replace(/\s/g, '') ? preview.data : undefined;

  useEffect(() => {
    form.setFieldValue('mergeIntoCaseId', lead?.id);
    if (lead) form.setFields([{ name: 'mergeLeadNo', errors: [] }]);
  }, [form, lead]);

  const lookUp = () => {
    const value = typed.replace(/\s/g, '');
    if (!CASE_NO.test(value)) {
      form.setFields([{ name: 'mergeLeadNo', errors: ['主案件编号为 12 位数字'] }]);
      return;
    }
    setAsked(value);
  };

  return (
    <>
      <Form.Item label="主案件编号" required extra="本案将并入该案件，结束为「已并案」，由主案件统一办理">
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="mergeLeadNo"
            noStyle
            rules={[
              {
                validator: () =>
                  form.getFieldValue('mergeIntoCaseId')
                    ? Promise.resolve()
                    : Promise.reject(new Error('请输入主案件编号并点「查询」，确认主案件后再提交')),
              },
            ]}
          >
            <Input
              aria-label="主案件编号"
              inputMode="numeric"
              maxLength={20}
              placeholder="12 位案件编号"
              onPressEnter={(event) => {
                event.preventDefault();
                lookUp();
              }}
            />
          </Form.Item>
          <Button icon={<SearchOutlined />} onClick={lookUp} loading={asked !== null && preview.isFetching}>
            查询
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="mergeIntoCaseId" hidden>
        <Input />
      </Form.Item>
      {asked && asked === typed.replace(/\s/g, '') && preview.isError ? (
        <Alert type="error" showIcon title={apiErrorMessage(preview.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {lead ? (
        <Descriptions
          aria-label="主案件信息"
          bordered
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          title={`主案件 ${lead.caseNo}`}
          items={[
            { key: 'status', label: '状态', children: lead.statusName },
            { key: 'category', label: '类别', children: `${lead.categoryCode} ${lead.categoryName ?? ''}` },
            { key: 'description', label: '问题描述', children: lead.description },
            { key: 'address', label: '地址', children: `${lead.address}（与本案相距约 ${lead.distanceM} 米）` },
            { key: 'reportedAt', label: '上报时间', children: formatDateTime(lead.reportedAt) },
          ]}
        />
      ) : null}
    </>
  );
}
