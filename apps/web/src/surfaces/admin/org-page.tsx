import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row } from 'antd';
import { useState } from 'react';
import { type DepartmentRow, useAreaTree, useDeleteDepartment, useDepartments } from '../../features/org/api/org';
import { AreaTree, type SelectedArea } from '../../features/org/components/area-tree';
import { DepartmentDialog } from '../../features/org/components/department-dialog';
import { DepartmentTable } from '../../features/org/components/department-table';
import { AREA_LEVEL_LABELS } from '../../features/org/labels';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

type DialogState = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; department: DepartmentRow };

export function OrgPage() {
  const { can } = useSession();
  const canManage = can('org.manage');
  const { message } = App.useApp();
  const areas = useAreaTree();
  const departments = useDepartments();
  const remove = useDeleteDepartment();
  const [selected, setSelected] = useState<SelectedArea | null>(null);
  const [dialog, setDialog] = useState<DialogState>({ mode: 'closed' });

  const deleteDepartment = (department: DepartmentRow) =>
    remove.mutate(
      { id: department.id },
      {
        onSuccess: () => message.success(`已删除「${department.name}」`),
        onError: (error) => message.error(apiErrorMessage(error)),
      },
    );

  return (
    <div>
      <PageHeader title="组织机构" description="区域划分（市、区、街道、社区、单元网格）与部门设置" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card title="区域划分">
            <AreaTree onSelect={setSelected} />
            {selected ? (
              <Descriptions
                style={{ marginTop: 16 }}
                size="small"
                bordered
                column={1}
                title="所选区域"
                items={[
                  { key: 'name', label: '名称', children: selected.name },
                  { key: 'level', label: '层级', children: AREA_LEVEL_LABELS[selected.level] ?? selected.level },
                  { key: 'code', label: '编码', children: selected.code },
                ]}
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card
            title="部门"
            extra={
              canManage ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => setDialog({ mode: 'create' })}
                >
                  新增部门
                </Button>
              ) : null
            }
          >
            {departments.isError ? <Alert type="error" showIcon title={apiErrorMessage(departments.error)} /> : null}
            <DepartmentTable
              departments={departments.data ?? []}
              loading={departments.isPending}
              canManage={canManage}
              deletingId={remove.isPending ? (remove.variables?.id ?? null) : null}
              onEdit={(department) => setDialog({ mode: 'edit', department })}
              onDelete={deleteDepartment}
            />
          </Card>
        </Col>
      </Row>
      {canManage ? (
        <DepartmentDialog
          open={dialog.mode !== 'closed'}
          editing={dialog.mode === 'edit' ? dialog.department : null}
          areas={areas.data ?? []}
          departments={departments.data ?? []}
          onClose={() => setDialog({ mode: 'closed' })}
        />
      ) : null}
    </div>
  );
}
