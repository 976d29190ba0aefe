/** What other modules may use of the wall module: the rollup runner (the bench and a start-up catch-up). */
export { wallRollupOf } from './wall-rollup-runner';
