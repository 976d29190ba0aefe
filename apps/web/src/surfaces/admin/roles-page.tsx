import { Alert, Card } from 'antd';
import { useRoleMatrix } from '../../features/roles/api/roles';
import { PermissionMatrix } from '../../features/roles/components/permission-matrix';
import { apiErrorMessage } from '../../lib/api-error';
import { PageHeader } from '../../lib/ui/page-header';

export function RolesPage() {
  const matrix = useRoleMatrix();
  return (
    <div>
      <PageHeader title="角色权限" description="各角色拥有的功能权限，由平台权限注册表统一定义，服务端与界面共同遵循" />
      <Card>
        {matrix.isError ? <Alert type="error" showIcon title={apiErrorMessage(matrix.error)} /> : null}
        <PermissionMatrix matrix={matrix.data} loading={matrix.isPending} />
      </Card>
    </div>
  );
}
