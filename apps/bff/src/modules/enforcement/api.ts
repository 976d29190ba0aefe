export { caseSourceQueued, enqueueCaseSource } from './enforcement-push';
