import type { Permission } from '@citygov/domain/permissions';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, useMatches } from 'react-router';
import { useSession } from '../../lib/session/session-context';

export interface RouteHandle {
  permission?: Permission;
}

function permissionOf(handle: unknown): Permission | undefined {
  if (handle && typeof handle === 'object' && 'permission' in handle) {
    return (handle as RouteHandle).permission;
  }
  return undefined;
}

/** A route whose handle names a permission the user lacks shows 403 instead of the page. */
export function RoutePermissionGate({ children }: { children: ReactNode }) {
  const { can } = useSession();
  const matches = useMatches();
  const missing = matches.map((match) => permissionOf(match.handle)).find((p) => p !== undefined && !can(p));
  if (missing) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="您的角色没有访问此页面的权限，如需开通请联系系统管理员。"
        extra={
          <Link to="/">
            <Button type="primary">返回首页</Button>
          </Link>
        }
      />
    );
  }
  return children;
}
