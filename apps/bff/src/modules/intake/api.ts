/** What other modules may use of the intake module; every other file in this folder is internal. */
export { reportCase } from './report-case';
export type { TReportCaseInput } from './report-schemas';
