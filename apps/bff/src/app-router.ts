import { analyticsRouter } from './modules/analytics/router';
import { auditRouter } from './modules/audit/router';
import { authRouter } from './modules/auth/router';
import { calendarRouter } from './modules/calendar/router';
import { caseMapRouter } from './modules/case-map/router';
import { casesRouter } from './modules/cases/router';
import { catalogueRouter } from './modules/catalogue/router';
import { collectionRouter } from './modules/collection/router';
import { commandRouter } from './modules/command/router';
import { crossCheckRouter } from './modules/cross-check/router';
import { dispatchAssistRouter } from './modules/dispatch-assistant/router';
import { dispatchRulesRouter } from './modules/dispatch-rules/router';
import { duplicatesRouter } from './modules/duplicates/router';
import { enforcementRouter } from './modules/enforcement/router';
import { evaluationRouter } from './modules/evaluation/router';
import { geoRouter } from './modules/geo/router';
import { reportRouter } from './modules/intake/report-router';
import { intakeRouter } from './modules/intake/router';
import { integrationsRouter } from './modules/integrations/router';
import { iotRouter } from './modules/iot/router';
import { leaderRouter } from './modules/leader/router';
import { orgRouter } from './modules/org/router';
import { phrasesRouter } from './modules/phrases/router';
import { portalRouter } from './modules/portal/router';
import { rolesRouter } from './modules/roles/router';
import { searchRouter } from './modules/search/router';
import { ssoRouter } from './modules/sso/router';
import { staffRouter } from './modules/staff/router';
import { streetChiefsRouter } from './modules/street-chiefs/router';
import { supervisionRouter } from './modules/supervision/router';
import { usersRouter } from './modules/users/router';
import { videoRouter } from './modules/video/router';
import { wallRouter } from './modules/wall/router';
import { mergeRouters, router } from './trpc/procedures';

export const appRouter = router({
  auth: authRouter,
  sso: ssoRouter,
  portal: portalRouter,
  org: orgRouter,
  users: usersRouter,
  roles: rolesRouter,
  audit: auditRouter,
  geo: geoRouter,
  catalogue: catalogueRouter,
  // 上报 belongs to intake but keeps its path cases.report.
  cases: mergeRouters(casesRouter, reportRouter),
  phrases: phrasesRouter,
  calendar: calendarRouter,
  intake: intakeRouter,
  dispatchAssist: dispatchAssistRouter,
  duplicates: duplicatesRouter,
  dispatchRules: dispatchRulesRouter,
  video: videoRouter,
  iot: iotRouter,
  wall: wallRouter,
  evaluation: evaluationRouter,
  supervision: supervisionRouter,
  crossCheck: crossCheckRouter,
  collection: collectionRouter,
  leader: leaderRouter,
  streetChiefs: streetChiefsRouter,
  integrations: integrationsRouter,
  enforcement: enforcementRouter,
  analytics: analyticsRouter,
  search: searchRouter,
  caseMap: caseMapRouter,
  command: commandRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
