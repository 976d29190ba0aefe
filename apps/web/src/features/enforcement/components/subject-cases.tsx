import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { type SubjectCase, useSubjectCases } from '../api/enforcement';

/** 以人查事: the cases (in the user's area) linked to a subject. */
export function SubjectCases({ subjectId }: { subjectId: string }) {
  const cases = useSubjectCases(subjectId);
  return (
    <Card size="small" title="关联案件（以人查事）">
      <Table<SubjectCase>
        aria-label="关联案件"
        size="small"
        rowKey="caseId"
        loading={cases.isPending}
        dataSource={cases.data ?? []}
        pagination={false}
        // Fixed columns plus room for 问题描述: narrower screens (tablet, phone) scroll the table, not the page.
        scroll={{ x: 1040 }}
        locale={{ emptyText: cases.isError ? apiErrorMessage(cases.error) : '本辖区暂无关联案件' }}
        columns={[
          {
            title: '案件编号',
            dataIndex: 'caseNo',
            width: 200,
            render: (caseNo: string, row) => <Link to={`/desk/cases/${row.caseId}`}>{caseNo}</Link>,
          },
          { title: '状态', dataIndex: 'statusLabel', width: 100, render: (label: string) => <Tag>{label}</Tag> },
          { title: '问题描述', dataIndex: 'description', ellipsis: true },
          { title: '地址', dataIndex: 'address', width: 260, ellipsis: true },
          { title: '关联人', dataIndex: 'linkedBy', width: 100 },
          { title: '关联时间', dataIndex: 'linkedAt', width: 180, render: (at: Date) => formatDateTime(at) },
        ]}
      />
    </Card>
  );
}
