// The one place that assembles every table for drizzle's typed client.
import * as audit from './audit';
import * as auth from './auth';
import * as cases from './cases';
import * as catalogue from './catalogue';
import * as dispatch from './dispatch';
import * as intake from './intake';
import * as open311 from './open311';
import * as org from './org';

export const schema = { ...org, ...auth, ...audit, ...catalogue, ...cases, ...open311, ...intake, ...dispatch };
export type Schema = typeof schema;
