/** What other modules may use of the audit module; every other file in this folder is internal. */
export { type AuditEntry, writeAudit } from './write-audit';
