/**
 * What other modules may use of the wall module: the rollup runner (the bench, a start-up
 * catch-up, analytics), the rollup's category key, and the area a wall or an analysis shows.
 */
export { resolveWallArea, type WallArea } from './wall-area';
export { categoryKey } from './wall-rollup';
export { wallRollupOf } from './wall-rollup-runner';
