export { enqueueCaseSource } from './enforcement-push';
export { enforcementFeedbackHandler } from './feedback-route';
