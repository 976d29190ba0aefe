/** What the composition files use of the command module: the expiry job of unanswered calls (呼叫超时). */
export { CALL_EXPIRY_QUEUE, callExpiryTimer, expireCall } from './call-expiry';
