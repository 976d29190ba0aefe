/** What other parts may use of the sso module (the outbox wires sendTaskNotice at merge). */
export { zzdAccountIdsOf } from './external-accounts';
export { sendTaskNotice, type TaskNoticeInput } from './task-notice';
