// Module and feature boundaries, checked by `pnpm lint` (depcruise). See docs/architecture.md
// ("Boundaries"). Paths are repository-relative.
const notTests = '\\.test\\.tsx?$|/test-helpers\\.ts$|-test-helpers\\.ts$|/testing/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'bff-module-internals',
      comment:
        "A BFF module uses another only through that module's api.ts (its published functions); everything else in a module folder is internal.",
      severity: 'error',
      from: { path: '^apps/bff/src/modules/([^/]+)/', pathNot: notTests },
      to: {
        path: '^apps/bff/src/modules/',
        pathNot: ['^apps/bff/src/modules/$1/', '^apps/bff/src/modules/[^/]+/api\\.ts$'],
      },
    },
    {
      name: 'bff-edges-use-module-api',
      comment:
        'Outside the modules (trpc/, http/, lib/), code reaches a module only through its api.ts; the composition files (app-router, create-app, main) also mount routers and HTTP routes.',
      severity: 'error',
      from: { path: '^apps/bff/src/(?!modules/)', pathNot: notTests },
      to: {
        path: '^apps/bff/src/modules/',
        pathNot: [
          '^apps/bff/src/modules/[^/]+/api\\.ts$',
          '^apps/bff/src/modules/[^/]+/(router|report-router|http-routes)\\.ts$',
        ],
      },
    },
    {
      name: 'bff-routers-only-in-composition',
      severity: 'error',
      from: {
        path: '^apps/bff/src/',
        pathNot: ['^apps/bff/src/(app-router|main)\\.ts$', '^apps/bff/src/http/create-app\\.ts$', notTests],
      },
      to: {
        path: '^apps/bff/src/modules/([^/]+)/(router|report-router|http-routes)\\.ts$',
        pathNot: '^apps/bff/src/modules/$1/',
      },
    },
    {
      name: 'bff-lib-is-below-modules',
      severity: 'error',
      from: { path: '^apps/bff/src/lib/' },
      to: { path: '^apps/bff/src/(modules|trpc|http)/' },
    },
    {
      name: 'bff-no-cycles',
      comment: 'Modules form a graph without cycles, so each can be read and changed on its own.',
      severity: 'error',
      from: { path: '^apps/bff/src/', pathNot: notTests },
      to: { circular: true },
    },
    {
      name: 'web-feature-to-feature',
      comment: 'A feature does not import another feature; shared pieces live in src/lib (or src/app).',
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'web-layers',
      comment: 'lib → nothing above it; features → lib only; surfaces compose features; app wires surfaces.',
      severity: 'error',
      from: { path: '^apps/web/src/(lib|features)/' },
      to: { path: '^apps/web/src/(surfaces|app)/' },
    },
    {
      name: 'web-lib-no-features',
      severity: 'error',
      from: { path: '^apps/web/src/lib/' },
      to: { path: '^apps/web/src/features/' },
    },
    {
      name: 'web-gets-only-types-from-bff',
      comment: 'The browser bundle takes the AppRouter type from the BFF, never its code.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { path: '^apps/bff/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-is-pure',
      comment: 'packages/domain holds rules without I/O: it imports no other workspace package.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: '^(packages/db|apps)/' },
    },
    {
      name: 'db-below-apps',
      severity: 'error',
      from: { path: '^packages/db/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
