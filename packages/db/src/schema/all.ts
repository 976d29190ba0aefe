// The one place that assembles every table for drizzle's typed client.
import * as alarms from './alarms';
import * as audit from './audit';
import * as auth from './auth';
import * as cases from './cases';
import * as catalogue from './catalogue';
import * as collection from './collection';
import * as command from './command';
import * as crossCheck from './cross-check';
import * as dispatch from './dispatch';
import * as enforcement from './enforcement';
import * as intake from './intake';
import * as iot from './iot';
import * as open311 from './open311';
import * as org from './org';
import * as outbox from './outbox';
import * as search from './search';
import * as sms from './sms';
import * as sso from './sso';
import * as streetChiefs from './street-chiefs';
import * as supervision from './supervision';
import * as video from './video';
import * as wall from './wall';

export const schema = {
  ...org,
  ...auth,
  ...audit,
  ...catalogue,
  ...cases,
  ...open311,
  ...intake,
  ...dispatch,
  ...video,
  ...iot,
  ...alarms,
  ...wall,
  ...supervision,
  ...sso,
  ...sms,
  ...streetChiefs,
  ...outbox,
  ...crossCheck,
  ...search,
  ...enforcement,
  ...collection,
  ...command,
};
export type Schema = typeof schema;
