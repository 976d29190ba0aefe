import { Spin } from 'antd';
import { createBrowserRouter } from 'react-router';
import { RouteError } from './route-error';
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
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('../surfaces/login/login-page')).LoginPage }),
  },
  {
    // The work order prints without the shell's header and menu; it guards the session itself.
    path: '/desk/cases/:id/print',
    HydrateFallback: RouteLoading,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('../surfaces/desk/case-print-page')).CasePrintPage }),
  },
  {
    // 月度分析报告 prints without the shell's header and menu; it guards the session itself.
    path: '/analytics/report',
    HydrateFallback: RouteLoading,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('../surfaces/analytics/monthly-report-page')).MonthlyReportPage }),
  },
  {
    // The video wall fills a big screen: no header or menu; it guards the session itself.
    path: '/video/wall',
    HydrateFallback: RouteLoading,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('../surfaces/video/video-wall-page')).VideoWallPage }),
  },
  {
    // 指挥大厅大屏: full screen, dark; its map and chart code load with this route only.
    path: '/wall',
    HydrateFallback: RouteLoading,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('../surfaces/wall/wall-page')).WallPage }),
  },
  {
    // The leader's tablet: its own full-screen layout with large touch targets; it guards the session itself.
    path: '/leader',
    HydrateFallback: RouteLoading,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('../surfaces/leader/leader-page')).LeaderPage }),
  },
  {
    path: '/leader/cases/:id',
    HydrateFallback: RouteLoading,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('../surfaces/leader/leader-page')).LeaderCasePage }),
  },
  {
    // 信息采集's phone pages: 扫码登记 by QR token and the owner's own page; no staff sign-in.
    path: '/collect/*',
    HydrateFallback: RouteLoading,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('../surfaces/collect/collect-root')).CollectRoot }),
  },
  {
    path: '/public/*',
    HydrateFallback: RouteLoading,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('../surfaces/public/public-root')).PublicRoot }),
  },
  {
    // Street pages for phones (上报 / 任务 / 我的上报): their own layout, outside the desk shell.
    path: '/m',
    HydrateFallback: RouteLoading,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('../surfaces/street/phone-root')).PhoneRoot }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../surfaces/street/phone-root')).PhoneIndex }) },
      {
        path: 'report',
        handle: handle('case.report'),
        lazy: async () => ({ Component: (await import('../surfaces/street/report-page')).ReportPage }),
      },
      { path: 'tasks', lazy: async () => ({ Component: (await import('../surfaces/street/tasks-page')).TasksPage }) },
      {
        path: 'tasks/:id',
        lazy: async () => ({ Component: (await import('../surfaces/street/case-page')).TaskPage }),
      },
      {
        path: 'cases/:id',
        lazy: async () => ({ Component: (await import('../surfaces/street/case-page')).CasePage }),
      },
      {
        path: 'mine',
        handle: handle('case.report'),
        lazy: async () => ({ Component: (await import('../surfaces/street/mine-page')).MinePage }),
      },
      // 片长指挥: 上岗/下岗, today's mileage and the calls to me.
      {
        path: 'duty',
        handle: handle('staff.duty'),
        lazy: async () => ({ Component: (await import('../surfaces/street/duty-page')).DutyPage }),
      },
      // 街长制: the chiefs' cases and 交接班.
      {
        path: 'chief',
        handle: handle('street.handle'),
        lazy: async () => ({ Component: (await import('../surfaces/street/chief-pages')).ChiefTasksPage }),
      },
      {
        path: 'chief/:id',
        handle: handle('street.handle'),
        lazy: async () => ({ Component: (await import('../surfaces/street/chief-pages')).ChiefCasePage }),
      },
      // 执法: 当事人查询 (以人查事) for those who may see enforcement information.
      {
        path: 'subjects',
        handle: handle('enforcement.view'),
        lazy: async () => ({ Component: (await import('../surfaces/street/subjects-page')).SubjectsPage }),
      },
      {
        path: 'handover',
        handle: handle('street.handle'),
        lazy: async () => ({ Component: (await import('../surfaces/street/chief-pages')).HandoverPage }),
      },
    ],
  },
  {
    path: '/',
    Component: AppShell,
    HydrateFallback: RouteLoading,
    ErrorBoundary: RouteError,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../surfaces/portal/home-page')).HomePage }) },
      {
        path: 'street',
        lazy: async () => ({ Component: (await import('../surfaces/portal/theme-pages')).StreetThemePage }),
      },
      {
        path: 'street/handover',
        handle: handle('street.handle'),
        lazy: async () => ({ Component: (await import('../surfaces/street/handover-desk-page')).HandoverDeskPage }),
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
        path: 'desk',
        lazy: async () => ({ Component: (await import('../surfaces/desk/desk-layout')).DeskLayout }),
        children: [
          {
            index: true,
            handle: handle('case.view'),
            lazy: async () => ({ Component: (await import('../surfaces/desk/desk-home-page')).DeskHomePage }),
          },
          {
            path: 'cases',
            handle: handle('case.view'),
            lazy: async () => ({ Component: (await import('../surfaces/desk/case-list-page')).CaseListPage }),
          },
          {
            path: 'cases/:id',
            handle: handle('case.view'),
            lazy: async () => ({ Component: (await import('../surfaces/desk/case-detail-page')).CaseDetailPage }),
          },
          {
            path: 'intake',
            handle: handle('case.report'),
            lazy: async () => ({ Component: (await import('../surfaces/desk/intake-page')).IntakePage }),
          },
          {
            path: 'duplicates',
            handle: handle('case.file'),
            lazy: async () => ({ Component: (await import('../surfaces/desk/duplicates-page')).DuplicatesPage }),
          },
        ],
      },
      {
        path: 'staff/duty',
        handle: handle('command.view'),
        lazy: async () => ({ Component: (await import('../surfaces/command/duty-report-page')).DutyReportPage }),
      },
      {
        // 片长指挥: the event-centred scene of one case.
        path: 'command/:caseId',
        handle: handle('command.view'),
        lazy: async () => ({ Component: (await import('../surfaces/command/command-page')).CommandPage }),
      },
      {
        path: 'map',
        handle: handle('map.view'),
        lazy: async () => ({ Component: (await import('../surfaces/map/map-page')).MapPage }),
      },
      {
        path: 'video',
        handle: handle('video.view'),
        lazy: async () => ({ Component: (await import('../surfaces/video/video-page')).VideoPage }),
      },
      {
        path: 'iot',
        handle: handle('iot.view'),
        lazy: async () => ({ Component: (await import('../surfaces/iot/iot-page')).IotPage }),
      },
      {
        path: 'enforcement',
        handle: handle('enforcement.view'),
        lazy: async () => ({ Component: (await import('../surfaces/enforcement/enforcement-page')).EnforcementPage }),
      },
      {
        path: 'supervision/evaluation',
        handle: handle('evaluation.view'),
        lazy: async () => ({ Component: (await import('../surfaces/supervision/evaluation-page')).EvaluationPage }),
      },
      {
        path: 'supervision/cross-check',
        handle: handle('crossCheck.review'),
        lazy: async () => ({ Component: (await import('../surfaces/supervision/cross-check-page')).CrossCheckPage }),
      },
      {
        path: 'supervision/cross-check/samples/:id',
        handle: handle('crossCheck.review'),
        lazy: async () => ({
          Component: (await import('../surfaces/supervision/sample-review-page')).SampleReviewPage,
        }),
      },
      {
        path: 'collection',
        handle: handle('collection.view'),
        lazy: async () => ({ Component: (await import('../surfaces/collection/collection-page')).CollectionPage }),
      },
      {
        path: 'analytics',
        handle: handle('dashboard.view'),
        lazy: async () => ({ Component: (await import('../surfaces/analytics/analytics-page')).AnalyticsPage }),
      },
      {
        path: 'search',
        handle: handle('case.view'),
        lazy: async () => ({ Component: (await import('../surfaces/search/search-page')).SearchPage }),
      },
      {
        path: 'catalogue',
        handle: handle('category.view'),
        lazy: async () => ({ Component: (await import('../surfaces/catalogue/catalogue-page')).CataloguePage }),
      },
      {
        path: 'catalogue/calendar',
        handle: handle('category.view'),
        lazy: async () => ({ Component: (await import('../surfaces/catalogue/calendar-page')).CalendarPage }),
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
        path: 'admin/dispatch-rules',
        handle: handle('rules.manage'),
        lazy: async () => ({
          Component: (await import('../surfaces/admin/dispatch-rules-page')).DispatchRulesPage,
        }),
      },
      {
        path: 'admin/duplicate-settings',
        handle: handle('rules.manage'),
        lazy: async () => ({
          Component: (await import('../surfaces/admin/duplicate-settings-page')).DuplicateSettingsPage,
        }),
      },
      {
        path: 'admin/integrations',
        handle: handle('integration.manage'),
        lazy: async () => ({ Component: (await import('../surfaces/admin/integrations-page')).IntegrationsPage }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('../surfaces/errors/not-found-page')).NotFoundPage }),
      },
    ],
  },
]);
