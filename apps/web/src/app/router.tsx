import { Spin } from 'antd';
import { createBrowserRouter } from 'react-router';
import { AppShell } from './shell/app-shell';
import type { RouteHandle } from './shell/route-permission-gate';

function RouteLoading() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

const handle = (permission: RouteHandle['permission']): RouteHandle => ({ permission });

/** Every surface is a lazy chunk; the shell guards the session and each route's permission. */
export const router = createBrowserRouter([
  {
    path: '/login',
    HydrateFallback: RouteLoading,
    lazy: async () => ({ Component: (await import('../surfaces/login/login-page')).LoginPage }),
  },
  {
    path: '/',
    Component: AppShell,
    HydrateFallback: RouteLoading,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../surfaces/portal/home-page')).HomePage }) },
      {
        path: 'street',
        lazy: async () => ({ Component: (await import('../surfaces/portal/theme-pages')).StreetThemePage }),
      },
      {
        path: 'smart',
        lazy: async () => ({ Component: (await import('../surfaces/portal/theme-pages')).SmartThemePage }),
      },
      {
        path: 'inspection',
        lazy: async () => ({ Component: (await import('../surfaces/portal/theme-pages')).InspectionThemePage }),
      },
      {
        path: 'map',
        handle: handle('map.view'),
        lazy: async () => ({ Component: (await import('../surfaces/map/map-page')).MapPage }),
      },
      {
        path: 'catalogue',
        handle: handle('category.view'),
        lazy: async () => ({ Component: (await import('../surfaces/catalogue/catalogue-page')).CataloguePage }),
      },
      {
        path: 'admin/org',
        handle: handle('org.view'),
        lazy: async () => ({ Component: (await import('../surfaces/admin/org-page')).OrgPage }),
      },
      {
        path: 'admin/users',
        handle: handle('user.view'),
        lazy: async () => ({ Component: (await import('../surfaces/admin/users-page')).UsersPage }),
      },
      {
        path: 'admin/roles',
        handle: handle('role.view'),
        lazy: async () => ({ Component: (await import('../surfaces/admin/roles-page')).RolesPage }),
      },
      {
        path: 'admin/audit',
        handle: handle('auditLog.view'),
        lazy: async () => ({ Component: (await import('../surfaces/admin/audit-page')).AuditPage }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('../surfaces/errors/not-found-page')).NotFoundPage }),
      },
    ],
  },
]);
