import { Card, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { type SubjectCase, useSubjectCases } from '../api/enforcement';
import styles from './enforcement.module.css';

/**
 * 以人查事: the cases (in the user's area) linked to a subject. `caseHref` says where a case
 * opens (the desk's case page unless the surface says otherwise, e.g. the phone's).
 */
export function SubjectCases({
  subjectId,
  caseHref = (caseId) => `/desk/cases/${caseId}`,
}: {
  subjectId: string;
  caseHref?: (caseId: number) => string;
}) {
  const cases = useSubjectCases(subjectId);
  // A phone gets one block per case; six columns would only scroll sideways there.
  const narrow = Grid.useBreakpoint().md === false;
  const empty = cases.isError ? apiErrorMessage(cases.error) : '本辖区暂无关联案件';
  return (
    <Card size="small" title="关联案件（以人查事）">
      {narrow ? (
        cases.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : (cases.data ?? []).length === 0 ? (
          <Typography.Text type="secondary">{empty}</Typography.Text>
        ) : (
          <ul aria-label="关联案件" className={styles.records}>
            {(cases.data ?? []).map((c) => (
              <li key={c.caseId} className={styles.record}>
                <div className={styles.recordTop}>
                  <Link to={caseHref(c.caseId)} className={styles.recordLink}>
                    {c.caseNo}
                  </Link>
                  <Tag>{c.statusLabel}</Tag>
                </div>
                <div>{c.description}</div>
                <div className={styles.recordMeta}>
                  {c.address} · {c.linkedBy} 关联于 {formatDateTime(c.linkedAt)}
                </div>
              </li>
            ))}
          </ul>
        )
      ) : (
        <Table<SubjectCase>
          aria-label="关联案件"
          size="small"
          rowKey="caseId"
          loading={cases.isPending}
          dataSource={cases.data ?? []}
          pagination={false}
          // Fixed columns plus room for 问题描述: narrower screens (tablet) scroll the table, not the page.
          scroll={{ x: 1040 }}
          locale={{ emptyText: empty }}
          columns={[
            {
              title: '案件编号',
              dataIndex: 'caseNo',
              width: 200,
              render: (caseNo: string, row) => <Link to={caseHref(row.caseId)}>{caseNo}</Link>,
            },
            { title: '状态', dataIndex: 'statusLabel', width: 100, render: (label: string) => <Tag>{label}</Tag> },
            { title: '问题描述', dataIndex: 'description', ellipsis: true },
            { title: '地址', dataIndex: 'address', width: 260, ellipsis: true },
            { title: '关联人', dataIndex: 'linkedBy', width: 100 },
            { title: '关联时间', dataIndex: 'linkedAt', width: 180, render: (at: Date) => formatDateTime(at) },
          ]}
        />
      )}
    </Card>
  );
}
