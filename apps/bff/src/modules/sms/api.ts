/** What other modules may use of the sms module (the outbox wires these at merge). */

export { loginCodeHash, sendLoginCode } from './login-code';
export { applySmsReceipts } from './receipts';
export { reconcileUnknownSms } from './reconcile-sms';
export { type SmsMessageRow, sendRecordedSms } from './send-sms';
