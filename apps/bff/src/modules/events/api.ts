/**
 * What other modules may use of the event stream: append an event in the transaction of
 * the change (the cases module does; notes too), read the stream by position, run a
 * consumer with a stored cursor, and the live feed for open screens. Everything else in
 * this folder is internal (the lint rule in .dependency-cruiser.cjs keeps it so).
 */
export { appendCaseEvent, appendCaseEvents, type EventActor, type NewCaseEvent } from './append-case-event';
export { type CaseChange, type CaseFeed, createCaseFeed } from './case-feed';
export { createCatchUp } from './catch-up';
export { type ConsumeResult, consumeCaseEvents, consumerPosition } from './event-consumers';
export { readCaseEventsAfter, type StreamEvent, streamHead } from './read-case-events';
