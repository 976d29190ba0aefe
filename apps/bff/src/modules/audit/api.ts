/** What other modules may use of the audit module; every other file in this folder is internal. */
export { writeAudit } from './write-audit';
