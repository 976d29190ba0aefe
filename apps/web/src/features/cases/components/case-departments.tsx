import { Card, List, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { CaseDetail } from '../api/cases';

type CaseDepartment = CaseDetail['departments'][number];

/** A sub-unit reads with its parent ("临江区市政管理所／第一养护班"): its own name repeats across districts. */
export function departmentLabel(d: Pick<CaseDepartment, 'name' | 'kind' | 'parentName'>): string {
  return d.kind === 'sub_unit' && d.parentName ? `${d.parentName}／${d.name}` : d.name;
}

function AssistFeedback({ department }: { department: CaseDepartment }) {
  if (!department.fedBackAt) return <Tag>未反馈</Tag>;
  return (
    <div>
      <Space size={6} wrap>
        <Tag color="success">已反馈</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {formatDateTime(department.fedBackAt)}
          {department.fedBackByName ? ` · ${department.fedBackByName}` : ''}
        </Typography.Text>
      </Space>
      <Typography.Paragraph style={{ margin: '4px 0 0' }}>{department.feedback}</Typography.Paragraph>
    </div>
  );
}

/** 承办部门: the lead (主办) and each assisting department (协办) with its own feedback (协办反馈). */
export function CaseDepartments({ departments }: { departments: readonly CaseDepartment[] }) {
  return (
    <section aria-label="承办部门">
      <List
        size="small"
        dataSource={[...departments]}
        renderItem={(d) => (
          <List.Item key={d.id}>
            <div style={{ display: 'flex', gap: 12, width: '100%', alignItems: 'flex-start' }}>
              <Tag color={d.role === 'lead' ? 'blue' : 'cyan'} style={{ marginTop: 1 }}>
                {d.role === 'lead' ? '主办' : '协办'}
              </Tag>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong>{departmentLabel(d)}</Typography.Text>
                <div style={{ marginTop: 4 }}>
                  {d.role === 'assist' ? (
                    <AssistFeedback department={d} />
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      派遣于 {formatDateTime(d.assignedAt)}，处置反馈推动案件流转
                    </Typography.Text>
                  )}
                </div>
              </div>
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}

/** The card on the case detail, shown once the case has departments. */
export function CaseDepartmentsCard({ departments }: { departments: readonly CaseDepartment[] }) {
  if (departments.length === 0) return null;
  return (
    <Card title="承办部门" size="small" style={{ marginBottom: 16 }}>
      <CaseDepartments departments={departments} />
    </Card>
  );
}
