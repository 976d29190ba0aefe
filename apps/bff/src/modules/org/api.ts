/** What other modules may use of the org module; every other file in this folder is internal. */
export { departmentNames } from './department-names';
export { listAreaTree } from './org-queries';
export {
  coversAreaPath,
  requireAreaInScope,
  requireCityLevel,
  requireDepartmentInScope,
  withinAreaScope,
} from './scope';
