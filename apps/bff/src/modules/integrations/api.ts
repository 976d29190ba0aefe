/**
 * What the composition (main.ts) and the actions that ask for a message (教育 SMS) use of the integrations module: the outbox worker that
 * derives messages from the case event stream and delivers them through the adapters.
 */

export { type DirectOutboxMessage, enqueueOutboxMessage } from './enqueue';
export { deriveOutbox } from './outbox-consumer';
export { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from './outbox-delivery';
export { OutboxWorker, type OutboxWorkerOptions, type TimedJobs } from './outbox-worker';
