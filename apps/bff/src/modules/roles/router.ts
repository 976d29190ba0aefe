import { PERMISSIONS, type Permission, permissionsOf, ROLE_CODES, ROLES } from '@citygov/domain/permissions';
import { permissionProcedure, router } from '../../trpc/procedures';

export const rolesRouter = router({
  /** The role × permission matrix straight from the registry the BFF enforces. */
  list: permissionProcedure('role.view').query(() => ({
    permissions: (Object.keys(PERMISSIONS) as Permission[]).map((code) => ({ code, name: PERMISSIONS[code] })),
    roles: ROLE_CODES.map((code) => ({ code, name: ROLES[code], permissions: [...permissionsOf(code)] })),
  })),
});
