/** What other modules may use of the duplicate-learning module; every other file in this folder is internal. */
export { LEARNING_KEY, learnFromPairs, parseLearning } from './learning-store';
