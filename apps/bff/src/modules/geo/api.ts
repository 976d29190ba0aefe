/** What other modules may use of the geo module; every other file in this folder is internal. */
export { findGridAt } from './grid-lookup';
